import type { ColumnKey } from "./columns.ts";
import type { BatchRow, RowId } from "./row.ts";

export interface CellEdit {
  rowId: RowId;
  key: ColumnKey;
  value: string;
}

/**
 * Every change to a batch is one of these. Applying an operation returns its inverse, which is what the
 * undo history keeps: undo applies the inverse, and the inverse of that is the redo.
 */
export type BatchOperation =
  | { type: "set-cells"; edits: readonly CellEdit[] }
  | { type: "insert-rows"; inserts: readonly { index: number; row: BatchRow }[] }
  | { type: "remove-rows"; rowIds: readonly RowId[] }
  | { type: "replace-rows"; rows: readonly BatchRow[] }
  | { type: "sequence"; operations: readonly BatchOperation[] };

export interface Applied {
  rows: readonly BatchRow[];
  inverse: BatchOperation;
  /** Rows whose cells changed or that were added; `all` when the whole batch was replaced. */
  touched: ReadonlySet<RowId> | "all";
  removed: readonly RowId[];
}

export function applyOperation(rows: readonly BatchRow[], operation: BatchOperation): Applied {
  switch (operation.type) {
    case "set-cells":
      return setCells(rows, operation.edits);
    case "insert-rows":
      return insertRows(rows, operation.inserts);
    case "remove-rows":
      return removeRows(rows, operation.rowIds);
    case "replace-rows":
      return {
        rows: operation.rows,
        inverse: { type: "replace-rows", rows },
        touched: "all",
        removed: [],
      };
    case "sequence":
      return applySequence(rows, operation.operations);
  }
}

/**
 * Row positions by id, cached per rows array. A cell edit keeps every position, so its result array shares
 * the cache entry and the next edit costs O(edits), not O(rows), however large the batch.
 */
const positionCache = new WeakMap<readonly BatchRow[], Map<RowId, number>>();

export function indexById(rows: readonly BatchRow[]): Map<RowId, number> {
  let index = positionCache.get(rows);
  if (!index) {
    index = new Map();
    for (let i = 0; i < rows.length; i++) index.set(rows[i]!.id, i);
    positionCache.set(rows, index);
  }
  return index;
}

function setCells(rows: readonly BatchRow[], edits: readonly CellEdit[]): Applied {
  const next = rows.slice();
  const index = indexById(rows);
  const inverse: CellEdit[] = [];
  const touched = new Set<RowId>();
  for (const edit of edits) {
    const at = index.get(edit.rowId);
    if (at === undefined) continue;
    const row = next[at]!;
    const before = row.cells[edit.key] ?? "";
    if (before === edit.value) continue;
    inverse.push({ rowId: edit.rowId, key: edit.key, value: before });
    next[at] = { id: row.id, cells: { ...row.cells, [edit.key]: edit.value } };
    touched.add(edit.rowId);
  }
  // Undo must restore in reverse order so that two edits of one cell unwind correctly.
  inverse.reverse();
  positionCache.set(next, index);
  return { rows: next, inverse: { type: "set-cells", edits: inverse }, touched, removed: [] };
}

function insertRows(
  rows: readonly BatchRow[],
  inserts: readonly { index: number; row: BatchRow }[],
): Applied {
  // Each index is the row's position once every earlier insert is in place, so one merge pass builds the
  // result: O(rows + inserts), where splicing one by one would be quadratic for a 100,000-row import.
  const sorted = [...inserts].sort((a, b) => a.index - b.index);
  const next: BatchRow[] = new Array(rows.length + sorted.length);
  let fromRows = 0;
  let fromInserts = 0;
  for (let position = 0; position < next.length; position++) {
    const insert = sorted[fromInserts];
    if (insert && (insert.index <= position || fromRows >= rows.length)) {
      next[position] = insert.row;
      fromInserts++;
    } else {
      next[position] = rows[fromRows++]!;
    }
  }
  return {
    rows: next,
    inverse: { type: "remove-rows", rowIds: sorted.map(({ row }) => row.id) },
    touched: new Set(sorted.map(({ row }) => row.id)),
    removed: [],
  };
}

function removeRows(rows: readonly BatchRow[], rowIds: readonly RowId[]): Applied {
  const doomed = new Set(rowIds);
  const kept: BatchRow[] = [];
  const inserts: { index: number; row: BatchRow }[] = [];
  rows.forEach((row, index) => {
    if (doomed.has(row.id)) inserts.push({ index, row });
    else kept.push(row);
  });
  return {
    rows: kept,
    inverse: { type: "insert-rows", inserts },
    touched: new Set(),
    removed: inserts.map(({ row }) => row.id),
  };
}

function applySequence(rows: readonly BatchRow[], operations: readonly BatchOperation[]): Applied {
  let current = rows;
  const inverses: BatchOperation[] = [];
  let touched: Set<RowId> | "all" = new Set();
  const removed: RowId[] = [];
  for (const operation of operations) {
    const applied = applyOperation(current, operation);
    current = applied.rows;
    inverses.unshift(applied.inverse);
    if (applied.touched === "all" || touched === "all") touched = "all";
    else for (const id of applied.touched) touched.add(id);
    removed.push(...applied.removed);
  }
  return { rows: current, inverse: { type: "sequence", operations: inverses }, touched, removed };
}
