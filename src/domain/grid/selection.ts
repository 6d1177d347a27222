/** A cell by position: `row` indexes the batch's rows, `col` the grid's columns (row-number column excluded). */
export interface CellPos {
  readonly row: number;
  readonly col: number;
}

/** Spreadsheet selection: the active cell plus the anchor a Shift+move or drag started from. */
export interface Selection {
  readonly active: CellPos;
  readonly anchor: CellPos;
}

export interface GridSize {
  readonly rows: number;
  readonly cols: number;
}

/** Inclusive bounds of a rectangular block of cells. */
export interface CellRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export function cell(row: number, col: number): CellPos {
  return { row, col };
}

export function collapsed(pos: CellPos): Selection {
  return { active: pos, anchor: pos };
}

export function extendTo(selection: Selection, pos: CellPos): Selection {
  return { active: pos, anchor: selection.anchor };
}

export function selectionRange(selection: Selection): CellRange {
  const { active, anchor } = selection;
  return {
    top: Math.min(active.row, anchor.row),
    left: Math.min(active.col, anchor.col),
    bottom: Math.max(active.row, anchor.row),
    right: Math.max(active.col, anchor.col),
  };
}

export function rangeHeight(range: CellRange): number {
  return range.bottom - range.top + 1;
}

export function rangeWidth(range: CellRange): number {
  return range.right - range.left + 1;
}

export function rangeContains(range: CellRange, row: number, col: number): boolean {
  return row >= range.top && row <= range.bottom && col >= range.left && col <= range.right;
}

export function isSingleCell(range: CellRange): boolean {
  return range.top === range.bottom && range.left === range.right;
}

function clampNumber(value: number, max: number): number {
  return Math.min(Math.max(value, 0), Math.max(max, 0));
}

export function clampPos(pos: CellPos, size: GridSize): CellPos {
  const row = clampNumber(pos.row, size.rows - 1);
  const col = clampNumber(pos.col, size.cols - 1);
  return row === pos.row && col === pos.col ? pos : { row, col };
}

/** Keeps a selection inside the grid after rows or columns went away; unchanged selections keep their identity. */
export function clampSelection(selection: Selection, size: GridSize): Selection {
  const active = clampPos(selection.active, size);
  const anchor = clampPos(selection.anchor, size);
  return active === selection.active && anchor === selection.anchor ? selection : { active, anchor };
}

export function selectRange(range: CellRange): Selection {
  return { anchor: { row: range.top, col: range.left }, active: { row: range.bottom, col: range.right } };
}
