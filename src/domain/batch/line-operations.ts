import type { RowsApplied } from "./operations.ts";
import type { BatchRow, LineId, LineRow, RowId } from "./row.ts";
import { indexById, keepPositions, mergeInserts } from "./row-index.ts";

/** The row with one line's cell changed, and the value it had; `undefined` when nothing changes. */
export function setLineCells(
  row: BatchRow,
  lineId: LineId,
  key: string,
  value: string,
): { row: BatchRow; before: string } | undefined {
  const at = row.lines.findIndex((line) => line.id === lineId);
  const line = row.lines[at];
  if (!line) return undefined;
  const before = line.cells[key] ?? "";
  if (before === value) return undefined;
  const lines = row.lines.slice();
  lines[at] = { id: line.id, cells: { ...line.cells, [key]: value } };
  return { row: { ...row, lines }, before };
}

function replaceRow(
  rows: readonly BatchRow[],
  rowId: RowId,
  change: (row: BatchRow) => BatchRow,
): readonly BatchRow[] | undefined {
  const at = indexById(rows).get(rowId);
  const row = at === undefined ? undefined : rows[at];
  if (at === undefined || !row) return undefined;
  const next = rows.slice();
  next[at] = change(row);
  keepPositions(rows, next);
  return next;
}

/** Every line change reports its quote row as touched: validation stays per quote row. */
function applied(rows: readonly BatchRow[], rowId: RowId, inverse: RowsApplied["inverse"]): RowsApplied {
  return { rows, inverse, touched: new Set([rowId]), removed: [] };
}

const nothing = (rows: readonly BatchRow[]): RowsApplied => ({
  rows,
  inverse: { type: "sequence", operations: [] },
  touched: new Set(),
  removed: [],
});

export function insertLines(
  rows: readonly BatchRow[],
  rowId: RowId,
  inserts: readonly { index: number; line: LineRow }[],
): RowsApplied {
  const next = replaceRow(rows, rowId, (row) => ({
    ...row,
    lines: mergeInserts(
      row.lines,
      inserts.map(({ index, line }) => ({ index, item: line })),
    ),
  }));
  if (!next || inserts.length === 0) return nothing(rows);
  return applied(next, rowId, { type: "remove-lines", rowId, lineIds: inserts.map(({ line }) => line.id) });
}

export function removeLines(
  rows: readonly BatchRow[],
  rowId: RowId,
  lineIds: readonly LineId[],
): RowsApplied {
  const doomed = new Set(lineIds);
  const inserts: { index: number; line: LineRow }[] = [];
  const next = replaceRow(rows, rowId, (row) => {
    const kept: LineRow[] = [];
    row.lines.forEach((line, index) => {
      if (doomed.has(line.id)) inserts.push({ index, line });
      else kept.push(line);
    });
    return { ...row, lines: kept };
  });
  if (!next || inserts.length === 0) return nothing(rows);
  return applied(next, rowId, { type: "insert-lines", rowId, inserts });
}
