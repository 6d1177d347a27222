import type { BatchOperation, CellEdit } from "../batch/operations.ts";
import { type BatchRow, createLine, type LineRow, type RowId } from "../batch/row.ts";

/** One line of the line-item sheet: the line, the quote row it belongs to and its place there. */
export interface SheetLine {
  readonly rowId: RowId;
  /** The quote's index in the batch. */
  readonly quoteIndex: number;
  /** The line's index in its quote (its position on the quote). */
  readonly position: number;
  readonly line: LineRow;
}

/**
 * The lines of a run of quote rows as one sheet, in batch order, plus the quote that new lines (typed in
 * the sheet's last, empty row, or pasted past its end) are added to: the last quote shown.
 */
export interface LineSheet {
  readonly entries: readonly SheetLine[];
  /** The entries as rows for the grid planners (paste, fill, clear): `id` is the line id. */
  readonly gridRows: readonly BatchRow[];
  readonly target: { rowId: RowId; quoteIndex: number; lineCount: number } | undefined;
}

const NO_LINES: readonly LineRow[] = [];

export function buildSheet(rows: readonly BatchRow[], top: number, bottom: number): LineSheet {
  const entries: SheetLine[] = [];
  const gridRows: BatchRow[] = [];
  const from = Math.max(0, top);
  const to = Math.min(rows.length - 1, bottom);
  for (let quoteIndex = from; quoteIndex <= to; quoteIndex += 1) {
    const row = rows[quoteIndex]!;
    row.lines.forEach((line, position) => {
      entries.push({ rowId: row.id, quoteIndex, position, line });
      gridRows.push({ id: line.id, cells: line.cells, lines: NO_LINES });
    });
  }
  const last = rows[to];
  const target =
    last && to >= from ? { rowId: last.id, quoteIndex: to, lineCount: last.lines.length } : undefined;
  return { entries, gridRows, target };
}

/**
 * Turns what the grid planners produce for the sheet's rows (edits keyed by line id, rows appended past
 * the end) into line operations on the batch: edits get their quote row and `lineId`, appended rows become
 * new lines of the target quote. Anything else is not a sheet change and is dropped.
 */
export function toLineOperation(sheet: LineSheet, operation: BatchOperation): BatchOperation | undefined {
  const byLine = new Map(sheet.entries.map((entry) => [entry.line.id, entry]));
  const convert = (op: BatchOperation): BatchOperation | undefined => {
    switch (op.type) {
      case "set-cells": {
        const edits: CellEdit[] = [];
        for (const edit of op.edits) {
          const entry = byLine.get(edit.rowId);
          if (entry)
            edits.push({ rowId: entry.rowId, lineId: entry.line.id, key: edit.key, value: edit.value });
        }
        return edits.length > 0 ? { type: "set-cells", edits } : undefined;
      }
      case "insert-rows": {
        const target = sheet.target;
        if (!target || op.inserts.length === 0) return undefined;
        const appended = [...op.inserts].sort((a, b) => a.index - b.index);
        return {
          type: "insert-lines",
          rowId: target.rowId,
          inserts: appended.map(({ row }, i) => ({
            index: target.lineCount + i,
            line: createLine({ ...row.cells }, row.id),
          })),
        };
      }
      case "sequence": {
        const operations = op.operations.flatMap((inner) => {
          const converted = convert(inner);
          return converted ? [converted] : [];
        });
        return operations.length > 0 ? { type: "sequence", operations } : undefined;
      }
      default:
        return undefined;
    }
  };
  return convert(operation);
}

/** A new line for the target quote with one cell set: typing into the sheet's empty last row. */
export function planNewLine(sheet: LineSheet, cells: Record<string, string>): BatchOperation | undefined {
  const target = sheet.target;
  if (!target) return undefined;
  return {
    type: "insert-lines",
    rowId: target.rowId,
    inserts: [{ index: target.lineCount, line: createLine(cells) }],
  };
}

/** Removes the sheet's lines `top..bottom`, grouped by their quotes, as one step. */
export function planRemoveLines(sheet: LineSheet, top: number, bottom: number): BatchOperation | undefined {
  const byQuote = new Map<RowId, string[]>();
  for (const entry of sheet.entries.slice(Math.max(0, top), bottom + 1)) {
    const ids = byQuote.get(entry.rowId) ?? [];
    ids.push(entry.line.id);
    byQuote.set(entry.rowId, ids);
  }
  const operations: BatchOperation[] = [...byQuote].map(([rowId, lineIds]) => ({
    type: "remove-lines",
    rowId,
    lineIds,
  }));
  if (operations.length === 0) return undefined;
  return operations.length === 1 ? operations[0] : { type: "sequence", operations };
}

/** An empty line inserted before sheet line `at` (in its quote), or appended to the target quote. */
export function planInsertLine(sheet: LineSheet, at: number): BatchOperation | undefined {
  const entry = sheet.entries[at];
  if (!entry) return planNewLine(sheet, {});
  return {
    type: "insert-lines",
    rowId: entry.rowId,
    inserts: [{ index: entry.position, line: createLine({}) }],
  };
}

/** Moves sheet line `at` one place up or down within its quote (its position on the quote). */
export function planMoveLine(sheet: LineSheet, at: number, by: -1 | 1): BatchOperation | undefined {
  const entry = sheet.entries[at];
  const neighbour = sheet.entries[at + by];
  if (!entry || !neighbour || neighbour.rowId !== entry.rowId) return undefined;
  return {
    type: "sequence",
    operations: [
      { type: "remove-lines", rowId: entry.rowId, lineIds: [entry.line.id] },
      {
        type: "insert-lines",
        rowId: entry.rowId,
        inserts: [{ index: neighbour.position, line: entry.line }],
      },
    ],
  };
}
