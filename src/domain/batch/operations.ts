import type { ColumnKey } from "./columns.ts";
import type { BatchDefaults } from "./defaults.ts";
import { insertLines, removeLines, setLineCells } from "./line-operations.ts";
import type { BatchRow, LineId, LineRow, RowId } from "./row.ts";
import { indexById, keepPositions, mergeInserts } from "./row-index.ts";

export interface CellEdit {
  rowId: RowId;
  /** A quote column key, or with `lineId` a line-item property name. */
  key: ColumnKey;
  value: string;
  /** Set: the edit is to this line item of the row, not to the quote's own cell. */
  lineId?: LineId;
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
  | { type: "insert-lines"; rowId: RowId; inserts: readonly { index: number; line: LineRow }[] }
  | { type: "remove-lines"; rowId: RowId; lineIds: readonly LineId[] }
  | { type: "set-defaults"; defaults: BatchDefaults }
  | { type: "sequence"; operations: readonly BatchOperation[] };

export interface BatchState {
  readonly rows: readonly BatchRow[];
  readonly defaults: BatchDefaults;
}

export interface Applied extends BatchState {
  inverse: BatchOperation;
  /**
   * Quote rows whose cells or lines changed or that were added; `all` when the whole batch was replaced
   * or the defaults changed (every row's effective values may have).
   */
  touched: ReadonlySet<RowId> | "all";
  removed: readonly RowId[];
}

export function applyOperation(state: BatchState, operation: BatchOperation): Applied {
  const { rows, defaults } = state;
  switch (operation.type) {
    case "set-cells":
      return { defaults, ...setCells(rows, operation.edits) };
    case "insert-rows":
      return { defaults, ...insertRows(rows, operation.inserts) };
    case "remove-rows":
      return { defaults, ...removeRows(rows, operation.rowIds) };
    case "replace-rows":
      return {
        rows: operation.rows,
        defaults,
        inverse: { type: "replace-rows", rows },
        touched: "all",
        removed: [],
      };
    case "insert-lines":
      return { defaults, ...insertLines(rows, operation.rowId, operation.inserts) };
    case "remove-lines":
      return { defaults, ...removeLines(rows, operation.rowId, operation.lineIds) };
    case "set-defaults":
      return {
        rows,
        defaults: operation.defaults,
        inverse: { type: "set-defaults", defaults },
        touched: "all",
        removed: [],
      };
    case "sequence":
      return applySequence(state, operation.operations);
  }
}

export type RowsApplied = Omit<Applied, "defaults">;

function setCells(rows: readonly BatchRow[], edits: readonly CellEdit[]): RowsApplied {
  const next = rows.slice();
  const index = indexById(rows);
  const inverse: CellEdit[] = [];
  const touched = new Set<RowId>();
  for (const edit of edits) {
    const at = index.get(edit.rowId);
    if (at === undefined) continue;
    const row = next[at]!;
    if (edit.lineId !== undefined) {
      const changed = setLineCells(row, edit.lineId, edit.key, edit.value);
      if (!changed) continue;
      inverse.push({ rowId: edit.rowId, lineId: edit.lineId, key: edit.key, value: changed.before });
      next[at] = changed.row;
      touched.add(edit.rowId);
      continue;
    }
    const before = row.cells[edit.key] ?? "";
    if (before === edit.value) continue;
    inverse.push({ rowId: edit.rowId, key: edit.key, value: before });
    next[at] = { ...row, cells: { ...row.cells, [edit.key]: edit.value } };
    touched.add(edit.rowId);
  }
  // Undo must restore in reverse order so that two edits of one cell unwind correctly.
  inverse.reverse();
  keepPositions(rows, next);
  return { rows: next, inverse: { type: "set-cells", edits: inverse }, touched, removed: [] };
}

function insertRows(
  rows: readonly BatchRow[],
  inserts: readonly { index: number; row: BatchRow }[],
): RowsApplied {
  const next = mergeInserts(
    rows,
    inserts.map(({ index, row }) => ({ index, item: row })),
  );
  return {
    rows: next,
    inverse: { type: "remove-rows", rowIds: inserts.map(({ row }) => row.id) },
    touched: new Set(inserts.map(({ row }) => row.id)),
    removed: [],
  };
}

function removeRows(rows: readonly BatchRow[], rowIds: readonly RowId[]): RowsApplied {
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

function applySequence(state: BatchState, operations: readonly BatchOperation[]): Applied {
  let current = state;
  const inverses: BatchOperation[] = [];
  let touched: Set<RowId> | "all" = new Set();
  const removed: RowId[] = [];
  for (const operation of operations) {
    const applied = applyOperation(current, operation);
    current = applied;
    inverses.unshift(applied.inverse);
    if (applied.touched === "all" || touched === "all") touched = "all";
    else for (const id of applied.touched) touched.add(id);
    removed.push(...applied.removed);
  }
  return {
    rows: current.rows,
    defaults: current.defaults,
    inverse: { type: "sequence", operations: inverses },
    touched,
    removed,
  };
}
