import type { BatchStore } from "../../../domain/batch/batch-store.ts";
import type { BatchOperation } from "../../../domain/batch/operations.ts";
import { createRow } from "../../../domain/batch/row.ts";
import type { ColumnDef } from "../../../domain/columns/column-def.ts";
import { inputReader, orderFor } from "../../../domain/grid/editor-input.ts";
import { type ExtraColumns, planPaste } from "../../../domain/grid/paste.ts";
import { planClear, planFillDown, planFillRight, type ReadInto } from "../../../domain/grid/range-edits.ts";
import { planDeleteRows, planDuplicateRows, planInsertRows } from "../../../domain/grid/row-ops.ts";
import { type Selection, selectionRange, selectRange } from "../../../domain/grid/selection.ts";
import { parseTsv } from "../../../domain/grid/tsv.ts";
import { readOrKeep } from "../../../domain/values/read-value.ts";
import type { Translate } from "../../../i18n/use-t.ts";
import { browserNormalizeContext } from "./cell-format.ts";

/** Grid commands shared by the keyboard, the mouse and the toolbar. Each one is a single undo step. */

const newRow = (cells: Record<string, string>) => createRow(cells);

export function pasteText(
  store: BatchStore,
  columns: readonly ColumnDef[],
  selection: Selection,
  text: string,
  t: Translate,
): { selection: Selection; message: string } | undefined {
  const data = parseTsv(text);
  // A pasted block comes from one spreadsheet with one locale: its dates decide their order together.
  const context = orderFor(data.flat(), browserNormalizeContext);
  const readers = new Map(columns.map((column) => [column.key, inputReader(column, context)]));
  const plan = planPaste({
    rows: store.rows,
    columns: columns.map((column) => column.key),
    selection,
    data,
    normalize: (key, raw) => {
      const read = readers.get(key);
      return read ? readOrKeep(read, raw) : raw;
    },
    createRow: newRow,
  });
  if (!plan.operation) return plan.extra ? { selection, message: extraMessage(plan.extra, t) } : undefined;
  store.apply(plan.operation, "paste");
  const cells = (plan.target.bottom - plan.target.top + 1) * (plan.target.right - plan.target.left + 1);
  const pasted =
    plan.addedRows > 0
      ? t("paste.cellsAndRows", { cells, rows: plan.addedRows })
      : t("paste.cells", { cells });
  const message = plan.extra ? t("paste.withExtra", { pasted, extra: extraMessage(plan.extra, t) }) : pasted;
  return { selection: selectRange(plan.target), message };
}

export function extraMessage(extra: ExtraColumns, t: Translate): string {
  const names = extra.firstRow
    .slice(0, 5)
    .map((name) => (name.trim() === "" ? t("paste.blankHeader") : t("paste.quoted", { name: name.trim() })))
    .join(t("paste.separator"));
  const first = extra.count > 5 ? t("paste.andMore", { names, more: extra.count - 5 }) : names;
  return t("paste.extra", { count: extra.count, first });
}

/** Each edit returns how many cells it changed, for the screen-reader announcement. */
export function clearSelection(
  store: BatchStore,
  columns: readonly ColumnDef[],
  selection: Selection,
): number {
  const operation = planClear(store.rows, keys(columns), selectionRange(selection));
  if (operation) store.apply(operation, "clear-cells");
  return cellsChanged(operation);
}

export function fillDown(store: BatchStore, columns: readonly ColumnDef[], selection: Selection): number {
  const operation = planFillDown(store.rows, keys(columns), selectionRange(selection));
  if (operation) store.apply(operation, "fill-down");
  return cellsChanged(operation);
}

/** A value filled from one column into another is read as the target column's own (same reader as typing). */
export function readInto(columns: readonly ColumnDef[]): ReadInto {
  const readers = new Map(
    columns.map((column) => [column.key, inputReader(column, browserNormalizeContext)]),
  );
  return (key, value) => {
    const read = readers.get(key);
    return read ? readOrKeep(read, value) : value;
  };
}

export function fillRight(store: BatchStore, columns: readonly ColumnDef[], selection: Selection): number {
  const operation = planFillRight(store.rows, keys(columns), selectionRange(selection), readInto(columns));
  if (operation) store.apply(operation, "fill-right");
  return cellsChanged(operation);
}

export function insertRows(store: BatchStore, at: number, count = 1): void {
  store.apply(planInsertRows(at, count, newRow), count === 1 ? "insert-row" : "insert-rows");
}

export function duplicateRows(store: BatchStore, selection: Selection): void {
  const range = selectionRange(selection);
  const operation = planDuplicateRows(store.rows, range.top, range.bottom, newRow);
  if (operation) store.apply(operation, range.top === range.bottom ? "duplicate-row" : "duplicate-rows");
}

export function deleteRows(store: BatchStore, selection: Selection): void {
  const range = selectionRange(selection);
  const operation = planDeleteRows(store.rows, range.top, range.bottom);
  if (operation) store.apply(operation, range.top === range.bottom ? "delete-row" : "delete-rows");
}

function keys(columns: readonly ColumnDef[]): string[] {
  return columns.map((column) => column.key);
}

/** Cells an operation sets (0 for none or for row operations). */
export function cellsChanged(operation: BatchOperation | undefined): number {
  if (!operation) return 0;
  if (operation.type === "set-cells") return operation.edits.length;
  if (operation.type === "sequence") return operation.operations.reduce((n, op) => n + cellsChanged(op), 0);
  return 0;
}
