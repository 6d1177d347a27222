import type { ColumnDef } from "../../../domain/columns/column-def.ts";

export const ROW_HEIGHT = 32;
export const HEADER_HEIGHT = 36;
export const ROW_NUMBER_WIDTH = 56;

export interface GridColumn {
  def: ColumnDef;
  index: number;
  /** Offset from the grid's left edge, including the row-number column. */
  left: number;
  width: number;
  /** Pinned columns (and the row numbers) stay in view while scrolling sideways. */
  sticky: boolean;
}

export interface GridLayout {
  columns: readonly GridColumn[];
  keys: readonly string[];
  totalWidth: number;
  /** Width covered by the row numbers and the pinned columns. */
  stickyWidth: number;
  /** Width of the row header (row number, and the summary when there is one). */
  leadWidth: number;
}

/** `leadWidth`: the row header's width (row numbers, and the line-item summary in the quote grid). */
export function buildLayout(defs: readonly ColumnDef[], leadWidth = ROW_NUMBER_WIDTH): GridLayout {
  let left = leadWidth;
  let stickyWidth = leadWidth;
  let stillPinned = true;
  const columns = defs.map((def, index) => {
    // Only a leading run of pinned columns can stick; a pinned one after a scrolling one would overlap.
    stillPinned = stillPinned && def.pinned;
    const column = { def, index, left, width: def.width, sticky: stillPinned };
    left += def.width;
    if (stillPinned) stickyWidth = left;
    return column;
  });
  return { columns, keys: defs.map((def) => def.key), totalWidth: left, stickyWidth, leadWidth };
}

export function cellId(gridId: string, row: number, col: number): string {
  return `${gridId}-r${row}-c${col}`;
}
