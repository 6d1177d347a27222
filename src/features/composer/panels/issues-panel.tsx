import { useMemo, useState } from "react";
import type { ColumnKey } from "../../../domain/batch/columns.ts";
import type { RowId } from "../../../domain/batch/row.ts";
import type { CellIssue } from "../../../domain/validation/issue.ts";
import { useBatchStore } from "../../../lib/batch-store-context.tsx";
import { useValidation } from "../../../lib/services/use-validation.ts";
import { useRowOutcomeIssues } from "../../../lib/submission/use-row-outcome-issues.ts";
import { Badge } from "../../../ui/badge.tsx";
import { Button } from "../../../ui/button.tsx";
import { EmptyState } from "../../../ui/empty-state.tsx";
import "./panels.css";
import { useT } from "../../../i18n/use-t.ts";
import { countOf } from "../../../ui/count.ts";

/** Rendering 10,000 list items at once would stall the page: list a page, and more on request. */
const PAGE = 300;

export interface IssuesPanelProps {
  /** Moves the grid's focus to the cell (the row's first column for row-level issues). */
  onJump(rowId: RowId, columnKey: ColumnKey | undefined): void;
  /** Escape inside the list closes it (focus goes back to the count button that opened it). */
  onClose?(): void;
  /** The element id, for the count buttons' aria-controls. */
  id?: string;
}

/** Every problem in the batch by row number and column, errors first, each with a button that jumps to it. */
export function IssuesPanel({ onJump, onClose, id }: IssuesPanelProps) {
  const { service: hub, version } = useValidation();
  const store = useBatchStore();
  const [limit, setLimit] = useState(PAGE);
  const { issues, counts, rowNumber, columnLabel } = useMemo(() => {
    void version;
    const all = hub.validator.all();
    const errors = all.filter((issue) => issue.severity === "error");
    const warnings = all.filter((issue) => issue.severity === "warning");
    const positions = new Map<RowId, number>();
    store.rows.forEach((row, index) => {
      positions.set(row.id, index + 1);
    });

    return {
      issues: [...errors, ...warnings],
      counts: hub.validator.counts(),
      rowNumber: (rowId: RowId) => positions.get(rowId) ?? 0,
      columnLabel: (issue: CellIssue) =>
        issue.columnKey === undefined ? "Whole row" : hub.labelOf(issue.columnKey),
    };
  }, [hub, store, version]);

  const outcomes = useRowOutcomeIssues();
  const rejected = useMemo(() => [...outcomes.values()].flat(), [outcomes]);

  // A big import or paste is checked in slices: until it is done, say so rather than a premature "no problems".
  const pending = hub.pendingRows;
  const summary =
    `${countOf(counts.errors, "error", "errors")}, ${countOf(counts.warnings, "warning", "warnings")}` +
    (pending > 0 ? ` so far; checking ${countOf(pending, "more row", "more rows")}…` : "");

  return (
    <section
      id={id}
      className="composer-issues"
      aria-labelledby="composer-issues-title"
      onKeyDown={(event) => {
        if (event.key !== "Escape" || event.defaultPrevented || !onClose) return;
        event.preventDefault();
        onClose();
      }}
    >
      <header className="composer-issues__header">
        <h2 id="composer-issues-title">Problems</h2>
        <p className="composer-muted" aria-live="polite">
          {summary}
        </p>
      </header>
      {rejected.length > 0 ? (
        <>
          <h3 className="composer-issues__subtitle">From the last submission</h3>
          <ul className="composer-issues__list" aria-label="HubSpot rejected">
            {rejected.map((issue) => (
              <IssueItem
                key={`hubspot\u0000${issue.rowId}`}
                badge={issue.severity === "error" ? "HubSpot rejected this" : "HubSpot outcome unknown"}
                issue={issue}
                row={rowNumber(issue.rowId)}
                column={columnLabel(issue)}
                onJump={() => onJump(issue.rowId, issue.columnKey ?? hub.columns[0]?.key)}
              />
            ))}
          </ul>
          <h3 className="composer-issues__subtitle">In the batch now</h3>
        </>
      ) : null}
      {issues.length === 0 && pending > 0 ? (
        <p className="composer-muted">Checking the batch…</p>
      ) : issues.length === 0 ? (
        <EmptyState title="No problems found" headingLevel={3}>
          Every row that has content is ready to send.
        </EmptyState>
      ) : (
        <ul className="composer-issues__list">
          {issues.slice(0, limit).map((issue) => (
            <IssueItem
              key={`${issue.rowId}\u0000${issue.columnKey}\u0000${issue.message}`}
              badge={issue.severity === "error" ? "Error" : "Warning"}
              issue={issue}
              row={rowNumber(issue.rowId)}
              column={columnLabel(issue)}
              onJump={() => onJump(issue.rowId, issue.columnKey ?? hub.columns[0]?.key)}
            />
          ))}
        </ul>
      )}
      {issues.length > limit ? (
        <p className="composer-muted">
          Showing {limit.toLocaleString()} of {issues.length.toLocaleString()} problems.{" "}
          <Button size="sm" variant="ghost" onClick={() => setLimit(limit + PAGE)}>
            Show {Math.min(PAGE, issues.length - limit).toLocaleString()} more
          </Button>
        </p>
      ) : null}
    </section>
  );
}

/** One problem: what kind, where (row 0 = no longer in the batch), the message, and a jump to the cell. */
function IssueItem(props: {
  badge: string;
  issue: CellIssue;
  row: number;
  column: string;
  onJump: () => void;
}) {
  const { badge, issue, row, column, onJump } = props;
  const t = useT();
  return (
    <li className="composer-issues__item">
      <Badge tone={issue.severity === "error" ? "danger" : "warning"}>{badge}</Badge>
      <span className="composer-issues__where">
        {row > 0 ? `Row ${row} · ${column}` : "Row no longer in the batch"}
      </span>
      <span className="composer-issues__message">{issue.message}</span>
      {row > 0 ? (
        // The name starts with the visible text, so "click Go to cell" works by voice (WCAG 2.5.3).
        <Button
          size="sm"
          variant="ghost"
          aria-label={t("issues.goToCell.name", { row, column })}
          onClick={onJump}
        >
          {t("issues.goToCell")}
        </Button>
      ) : null}
    </li>
  );
}
