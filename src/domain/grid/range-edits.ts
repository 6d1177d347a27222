import type { ColumnKey } from "../batch/columns.ts";
import type { BatchOperation, CellEdit } from "../batch/operations.ts";
import type { BatchRow } from "../batch/row.ts";
import type { CellRange } from "./selection.ts";
import { quoteTsvField } from "./tsv.ts";

function setCells(edits: CellEdit[]): BatchOperation | undefined {
  return edits.length === 0 ? undefined : { type: "set-cells", edits };
}

/** Delete/Backspace over a range: every non-empty cell becomes "". */
export function planClear(
  rows: readonly BatchRow[],
  columns: readonly ColumnKey[],
  range: CellRange,
): BatchOperation | undefined {
  const edits: CellEdit[] = [];
  for (let r = range.top; r <= range.bottom; r += 1) {
    const row = rows[r];
    if (!row) continue;
    for (let c = range.left; c <= range.right; c += 1) {
      const key = columns[c];
      if (key !== undefined && (row.cells[key] ?? "") !== "") edits.push({ rowId: row.id, key, value: "" });
    }
  }
  return setCells(edits);
}

/** Reads a value copied into another column as that column's own (the shared value reader). */
export type ReadInto = (key: ColumnKey, value: string) => string;

/** Ctrl+D: the top row of the range copied into the rows below it. */
export function planFillDown(
  rows: readonly BatchRow[],
  columns: readonly ColumnKey[],
  range: CellRange,
): BatchOperation | undefined {
  return planFill(rows, columns, { ...range, bottom: range.top }, range);
}

/** Ctrl+R: the left column of the range copied into the columns to its right. */
export function planFillRight(
  rows: readonly BatchRow[],
  columns: readonly ColumnKey[],
  range: CellRange,
  readInto?: ReadInto,
): BatchOperation | undefined {
  return planFill(rows, columns, { ...range, right: range.left }, range, readInto);
}

/**
 * The fill handle: `source` is repeated over `target` (which contains it), in any direction, the way a
 * spreadsheet copies cells when you drag the selection's corner. Values are copied, not extended as series.
 */
export function planFill(
  rows: readonly BatchRow[],
  columns: readonly ColumnKey[],
  source: CellRange,
  target: CellRange,
  readInto?: ReadInto,
): BatchOperation | undefined {
  const height = source.bottom - source.top + 1;
  const width = source.right - source.left + 1;
  const edits: CellEdit[] = [];
  for (let r = target.top; r <= target.bottom; r += 1) {
    const row = rows[r];
    if (!row) continue;
    const sourceRow = rows[source.top + mod(r - source.top, height)];
    if (!sourceRow) continue;
    for (let c = target.left; c <= target.right; c += 1) {
      if (r >= source.top && r <= source.bottom && c >= source.left && c <= source.right) continue;
      const key = columns[c];
      const sourceKey = columns[source.left + mod(c - source.left, width)];
      if (key === undefined || sourceKey === undefined) continue;
      const value = sourceRow.cells[sourceKey] ?? "";
      // Within a column the value is already read; across columns (fill right) it is entered anew.
      edits.push({ rowId: row.id, key, value: readInto && key !== sourceKey ? readInto(key, value) : value });
    }
  }
  return setCells(edits);
}

function mod(value: number, by: number): number {
  return ((value % by) + by) % by;
}

/** Where dragging the fill handle from `source` to the cell (row, col) fills: along the longer direction. */
export function fillTarget(source: CellRange, row: number, col: number): CellRange {
  const down = row - source.bottom;
  const up = source.top - row;
  const right = col - source.right;
  const left = source.left - col;
  const vertical = Math.max(down, up, 0);
  const horizontal = Math.max(right, left, 0);
  if (vertical === 0 && horizontal === 0) return source;
  if (vertical >= horizontal) {
    return down > 0 ? { ...source, bottom: row } : { ...source, top: row };
  }
  return right > 0 ? { ...source, right: col } : { ...source, left: col };
}

/** A range as clipboard TSV; `format` turns stored values into what people read (option labels). */
export function copyRange(
  rows: readonly BatchRow[],
  columns: readonly ColumnKey[],
  range: CellRange,
  format: (key: ColumnKey, value: string) => string = (_key, value) => value,
): string {
  const lines: string[] = [];
  for (let r = range.top; r <= range.bottom; r += 1) {
    const row = rows[r];
    if (!row) continue;
    const fields: string[] = [];
    for (let c = range.left; c <= range.right; c += 1) {
      const key = columns[c];
      if (key === undefined) continue;
      fields.push(quoteTsvField(format(key, row.cells[key] ?? "")));
    }
    lines.push(fields.join("\t"));
  }
  return lines.length === 0 ? "" : `${lines.join("\r\n")}\r\n`;
}
