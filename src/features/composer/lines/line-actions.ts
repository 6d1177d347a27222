import type { BatchStore } from "../../../domain/batch/batch-store.ts";
import type { BatchOperation } from "../../../domain/batch/operations.ts";
import { createRow } from "../../../domain/batch/row.ts";
import type { ColumnDef } from "../../../domain/columns/column-def.ts";
import { normalizeInput } from "../../../domain/grid/editor-input.ts";
import { planPaste } from "../../../domain/grid/paste.ts";
import { planClear, planFillDown, planFillRight } from "../../../domain/grid/range-edits.ts";
import { type Selection, selectionRange, selectRange } from "../../../domain/grid/selection.ts";
import { parseTsv } from "../../../domain/grid/tsv.ts";
import { type LineSheet, toLineOperation } from "../../../domain/lines/line-sheet.ts";
import {
  type ProductMatch,
  productTermsInOperation,
  withProductIds,
} from "../../../domain/lines/product-terms.ts";
import type { Translate } from "../../../i18n/use-t.ts";
import { browserNormalizeContext } from "../grid/cell-format.ts";
import { cellsChanged, extraMessage } from "../grid/grid-actions.ts";

/** Line grid commands: the quote grid's planners run over the sheet's lines, then become line operations. */

const keys = (columns: readonly ColumnDef[]) => columns.map((column) => column.key);

function normalizer(columns: readonly ColumnDef[]) {
  const byKey = new Map(columns.map((column) => [column.key, column]));
  return (key: string, raw: string) => {
    const column = byKey.get(key);
    return column ? normalizeInput(column, raw, browserNormalizeContext) : raw;
  };
}

/** A paste into the line grid, planned but not applied: product names or SKUs in it are looked up first. */
export interface PlannedLinePaste {
  operation: BatchOperation;
  selection: Selection;
  message: string;
  /** Names or SKUs typed in product cells (not ids), to turn into product ids before applying. */
  productTerms: string[];
}

export function planLinePaste(
  sheet: LineSheet,
  columns: readonly ColumnDef[],
  selection: Selection,
  text: string,
  t: Translate,
): PlannedLinePaste | { message: string } | undefined {
  const plan = planPaste({
    rows: sheet.gridRows,
    columns: keys(columns),
    selection,
    data: parseTsv(text),
    normalize: normalizer(columns),
    createRow: (cells) => createRow(cells),
  });
  const operation = plan.operation && toLineOperation(sheet, plan.operation);
  if (!operation) return plan.extra ? { message: extraMessage(plan.extra, t) } : undefined;
  const cells = (plan.target.bottom - plan.target.top + 1) * (plan.target.right - plan.target.left + 1);
  const added = plan.addedRows;
  const pasted = added > 0 ? t("paste.cellsAndLines", { cells, lines: added }) : t("paste.cells", { cells });
  const message = plan.extra ? t("paste.withExtra", { pasted, extra: extraMessage(plan.extra, t) }) : pasted;
  return {
    operation,
    selection: selectRange(plan.target),
    message,
    productTerms: productTermsInOperation(operation),
  };
}

/** Applies a planned paste as one undo step, with matched product names or SKUs replaced by their ids. */
export function applyLinePaste(
  store: BatchStore,
  planned: PlannedLinePaste,
  matches: ReadonlyMap<string, ProductMatch> = new Map(),
): void {
  store.apply(
    matches.size > 0 ? withProductIds(planned.operation, matches) : planned.operation,
    "paste-lines",
  );
}

export function clearLines(
  store: BatchStore,
  sheet: LineSheet,
  columns: readonly ColumnDef[],
  selection: Selection,
) {
  const planned = planClear(sheet.gridRows, keys(columns), selectionRange(selection));
  const operation = planned && toLineOperation(sheet, planned);
  if (operation) store.apply(operation, "clear-lines");
  return cellsChanged(operation);
}

export function fillLines(
  store: BatchStore,
  sheet: LineSheet,
  columns: readonly ColumnDef[],
  selection: Selection,
  direction: "down" | "right",
) {
  const plan = direction === "down" ? planFillDown : planFillRight;
  const planned = plan(sheet.gridRows, keys(columns), selectionRange(selection));
  const operation = planned && toLineOperation(sheet, planned);
  if (operation) store.apply(operation, direction === "down" ? "fill-down" : "fill-right");
  return cellsChanged(operation);
}
