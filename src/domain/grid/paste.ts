import type { ColumnKey } from "../batch/columns.ts";
import type { BatchOperation, CellEdit } from "../batch/operations.ts";
import type { BatchRow } from "../batch/row.ts";
import type { CellRange, Selection } from "./selection.ts";
import { isSingleCell, rangeHeight, rangeWidth, selectionRange } from "./selection.ts";

export interface PasteInput {
  rows: readonly BatchRow[];
  columns: readonly ColumnKey[];
  selection: Selection;
  /** Parsed clipboard text (see `parseTsv`); rows may be ragged. */
  data: readonly (readonly string[])[];
  /** Turns pasted text into the stored value (labels → option values, "1,234" → "1234"). */
  normalize?: (key: ColumnKey, text: string) => string;
  createRow: (cells: Record<ColumnKey, string>) => BatchRow;
}

/** Pasted columns that fell beyond the grid's last column: reported to the user, never dropped silently. */
export interface ExtraColumns {
  count: number;
  /** The first pasted row's values in those columns: usually their headers. */
  firstRow: readonly string[];
  /** How many pasted rows had a non-empty value there. */
  rowsWithValues: number;
}

export interface PastePlan {
  operation: BatchOperation | undefined;
  /** The cells that received values: select it after pasting. */
  target: CellRange;
  addedRows: number;
  extra: ExtraColumns | undefined;
}

const identity = (_key: ColumnKey, text: string) => text;

/**
 * Pastes a block at the top-left of the selection, adding rows at the end as needed. A block that fits the
 * selection a whole number of times is repeated to fill it (so one value pasted over a range fills it).
 */
export function planPaste(input: PasteInput): PastePlan {
  const { rows, columns, data, createRow } = input;
  const normalize = input.normalize ?? identity;
  const range = selectionRange(input.selection);
  const height = data.length;
  const width = data.reduce((max, row) => Math.max(max, row.length), 0);
  if (height === 0 || width === 0 || columns.length === 0) {
    return { operation: undefined, target: range, addedRows: 0, extra: undefined };
  }
  const fits = width <= columns.length - range.left;
  const tiles =
    !isSingleCell(range) && rangeHeight(range) % height === 0 && rangeWidth(range) % width === 0 && fits;
  const outHeight = tiles ? rangeHeight(range) : height;
  const usableWidth = Math.min(width, columns.length - range.left);
  const outWidth = tiles ? rangeWidth(range) : usableWidth;
  const target: CellRange = {
    top: range.top,
    left: range.left,
    bottom: range.top + outHeight - 1,
    right: range.left + outWidth - 1,
  };

  const edits: CellEdit[] = [];
  const newRows: BatchRow[] = [];
  for (let r = 0; r < outHeight; r += 1) {
    const source = data[r % height]!;
    const rowIndex = range.top + r;
    const existing = rows[rowIndex];
    const cells: Record<ColumnKey, string> = {};
    for (let c = 0; c < outWidth; c += 1) {
      const key = columns[range.left + c]!;
      const value = normalize(key, source[c % width] ?? "");
      if (existing) edits.push({ rowId: existing.id, key, value });
      else if (value !== "") cells[key] = value;
    }
    if (!existing) newRows.push(createRow(cells));
  }

  const operations: BatchOperation[] = [];
  if (edits.length > 0) operations.push({ type: "set-cells", edits });
  if (newRows.length > 0) {
    const start = rows.length;
    operations.push({
      type: "insert-rows",
      inserts: newRows.map((row, i) => ({ index: start + i, row })),
    });
  }
  const operation: BatchOperation | undefined =
    operations.length === 0
      ? undefined
      : operations.length === 1
        ? operations[0]
        : { type: "sequence", operations };
  return { operation, target, addedRows: newRows.length, extra: extraColumns(data, usableWidth, width) };
}

function extraColumns(
  data: readonly (readonly string[])[],
  usable: number,
  width: number,
): ExtraColumns | undefined {
  if (width <= usable) return undefined;
  const firstRow = Array.from({ length: width - usable }, (_, i) => data[0]?.[usable + i] ?? "");
  const rowsWithValues = data.filter((row) => row.slice(usable).some((value) => value.trim() !== "")).length;
  return { count: width - usable, firstRow, rowsWithValues };
}
