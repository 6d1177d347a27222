import { type RefObject, useEffect, useMemo, useState } from "react";
import type { BatchStore } from "../../../domain/batch/batch-store.ts";
import type { BatchDefaults } from "../../../domain/batch/defaults.ts";
import type { BatchRow } from "../../../domain/batch/row.ts";
import { cell, collapsed, type Selection, selectionRange } from "../../../domain/grid/selection.ts";
import { buildSheet, planNewLine, planRemoveLines } from "../../../domain/lines/line-sheet.ts";
import type { CellIssue } from "../../../domain/validation/issue.ts";
import { useT } from "../../../i18n/use-t.ts";
import { describeApiError } from "../../../lib/api/api-error.ts";
import { Button } from "../../../ui/button.tsx";
import { LineGrid } from "./line-grid.tsx";
import { quoteSummary } from "./quote-summary.ts";
import type { LineColumns } from "./use-line-columns.ts";
import { useMoneyContext } from "./use-money-context.ts";
import { useProductDirectory, useProductsVersion } from "./use-products.ts";
import "./lines.css";

export interface LinesPanelProps {
  store: BatchStore;
  rows: readonly BatchRow[];
  defaults: BatchDefaults;
  /** The quote rows selected in the quote grid: their lines are shown. */
  top: number;
  bottom: number;
  lineColumns: LineColumns;
  issueForLine(rowId: string, lineId: string, key: string): CellIssue | undefined;
  validationVersion: number;
  gridRef: RefObject<HTMLDivElement | null>;
  /** Back to the quote grid (Escape, F6). */
  onLeave(): void;
  /** "Go to cell" of a line item's problem: this line's cell gets the selection and focus, once it is shown. */
  jump?: LineJump | undefined;
}

export interface LineJump {
  lineId: string;
  key: string;
  /** A new number for each jump, so the same cell can be jumped to twice. */
  seq: number;
}

/** The line items of the selected quotes, below the quote grid (decision note 080). */
export function LinesPanel(props: LinesPanelProps) {
  const { store, rows, top, bottom } = props;
  const t = useT();
  const directory = useProductDirectory();
  const money = useMoneyContext();
  const productsVersion = useProductsVersion(directory);
  const { columns, status, error } = props.lineColumns;
  const sheet = useMemo(() => buildSheet(rows, top, bottom), [rows, top, bottom]);
  const { issueForLine, validationVersion } = props;
  // biome-ignore lint/correctness/useExhaustiveDependencies: validationVersion means issues changed
  const issueFor = useMemo(() => {
    const quoteOf = new Map(sheet.entries.map((entry) => [entry.line.id, entry.rowId]));
    return (lineId: string, key: string) => {
      const rowId = quoteOf.get(lineId);
      return rowId === undefined ? undefined : issueForLine(rowId, lineId, key);
    };
  }, [sheet, issueForLine, validationVersion]);
  const [selection, setSelection] = useState<Selection>(() => collapsed(cell(0, 0)));
  const [notice, setNotice] = useState("");
  // A different quote shows different lines: start at its first one.
  const quotesKey = `${top}:${bottom}`;
  const [shownKey, setShownKey] = useState(quotesKey);
  if (shownKey !== quotesKey) {
    setShownKey(quotesKey);
    setSelection(collapsed(cell(0, 0)));
    setNotice("");
  }
  // The jump waits until its quote's lines are the ones shown (the quote grid's selection moves first).
  const [jumped, setJumped] = useState(0);
  const jump = props.jump;
  const jumpRow = jump ? sheet.entries.findIndex((entry) => entry.line.id === jump.lineId) : -1;
  if (jump && jump.seq !== jumped && jumpRow >= 0) {
    setJumped(jump.seq);
    setSelection(
      collapsed(
        cell(
          jumpRow,
          Math.max(
            0,
            columns.findIndex((column) => column.key === jump.key),
          ),
        ),
      ),
    );
  }
  const gridRef = props.gridRef;
  useEffect(() => {
    if (jumped > 0) gridRef.current?.focus();
  }, [jumped, gridRef]);

  const single = top === bottom ? rows[top] : undefined;
  const heading = single
    ? single.cells.hs_title
      ? t("lines.heading.named", { number: top + 1, title: single.cells.hs_title })
      : t("lines.heading.one", { number: top + 1 })
    : t("lines.heading.range", { from: top + 1, to: Math.min(bottom, rows.length - 1) + 1 });
  const summary = single ? quoteSummary(single, props.defaults, directory.price, t, money) : undefined;
  const range = selectionRange(selection);

  const addLine = () => {
    const operation = planNewLine(sheet, {});
    if (!operation) return;
    store.apply(operation, "add-line");
    setSelection(collapsed(cell(sheet.entries.length, 0)));
    props.gridRef.current?.focus();
  };
  const deleteLines = () => {
    const operation = planRemoveLines(sheet, range.top, Math.min(range.bottom, sheet.entries.length - 1));
    if (operation) store.apply(operation, "delete-lines");
  };

  if (rows.length === 0) {
    return (
      <section aria-label={t("lines.grid")} className="lines-panel lines-panel--empty">
        <p className="lines-panel__hint">{t("lines.noQuotes")}</p>
      </section>
    );
  }

  return (
    <section aria-labelledby="lines-panel-heading" className="lines-panel">
      <header className="lines-panel__head">
        <h2 id="lines-panel-heading" className="lines-panel__title">
          {heading}
        </h2>
        {summary ? <span className="lines-panel__summary">{summary}</span> : null}
        <span className="lines-panel__spacer" />
        <Button onClick={addLine}>{t("lines.add")}</Button>
        <Button onClick={deleteLines} disabled={sheet.entries.length === 0}>
          {t("lines.delete")}
        </Button>
      </header>
      {status === "error" ? (
        <p role="alert" className="lines-panel__alert">
          {t("lines.propertiesFailed", { error: describeApiError(error, t) })}
        </p>
      ) : null}
      <LineGrid
        store={store}
        rows={rows}
        sheet={sheet}
        columns={columns}
        directory={directory}
        productsVersion={productsVersion}
        issueFor={issueFor}
        selection={selection}
        onSelectionChange={setSelection}
        onNotice={setNotice}
        onLeave={props.onLeave}
        gridRef={props.gridRef}
      />
      <p role="status" className="lines-panel__status">
        {notice || (sheet.entries.length === 0 ? t("lines.empty") : "")}
      </p>
    </section>
  );
}
