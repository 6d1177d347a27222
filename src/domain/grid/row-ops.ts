import type { ColumnKey } from "../batch/columns.ts";
import type { BatchOperation } from "../batch/operations.ts";
import { type BatchRow, createLine } from "../batch/row.ts";

type NewRow = (cells: Record<ColumnKey, string>) => BatchRow;

/** `count` empty rows at `index` (0 = top, rows.length = end). */
export function planInsertRows(index: number, count: number, createRow: NewRow): BatchOperation {
  return {
    type: "insert-rows",
    inserts: Array.from({ length: Math.max(1, count) }, (_, i) => ({ index: index + i, row: createRow({}) })),
  };
}

/** Removes rows `top..bottom` (inclusive); nothing when the range is empty. */
export function planDeleteRows(
  rows: readonly BatchRow[],
  top: number,
  bottom: number,
): BatchOperation | undefined {
  const rowIds = rows.slice(Math.max(0, top), bottom + 1).map((row) => row.id);
  return rowIds.length === 0 ? undefined : { type: "remove-rows", rowIds };
}

/** Copies rows `top..bottom` with new ids (their line items too: a line item has one parent), placed as a block right below them. */
export function planDuplicateRows(
  rows: readonly BatchRow[],
  top: number,
  bottom: number,
  createRow: NewRow,
): BatchOperation | undefined {
  const originals = rows.slice(Math.max(0, top), bottom + 1);
  if (originals.length === 0) return undefined;
  const at = Math.max(0, top) + originals.length;
  return {
    type: "insert-rows",
    inserts: originals.map((row, i) => ({
      index: at + i,
      row: { ...createRow({ ...row.cells }), lines: row.lines.map((line) => createLine({ ...line.cells })) },
    })),
  };
}
