import { useMemo, useState } from "react";
import type { ColumnKey } from "../../../domain/batch/columns.ts";
import type { RowId } from "../../../domain/batch/row.ts";
import type { CellIssue } from "../../../domain/validation/issue.ts";
import { useIssueText } from "../../../i18n/issue-text.ts";
import { useT } from "../../../i18n/use-t.ts";
import { useBatchStore } from "../../../lib/batch-store-context.tsx";
import { useValidation } from "../../../lib/services/use-validation.ts";
import { useRowOutcomeIssues } from "../../../lib/submission/use-row-outcome-issues.ts";
import { Badge } from "../../../ui/badge.tsx";
import { Button } from "../../../ui/button.tsx";
import { EmptyState } from "../../../ui/empty-state.tsx";
import "./panels.css";

/** Rendering 10,000 list items at once would stall the page: list a page, and more on request. */
const PAGE = 300;

export interface IssuesPanelProps {
  /** Moves the grid's focus to the cell (the row's first column for row-level issues). */
  /** To the cell: a quote's, or one of its line items' (`lineId`). */
  onJump(rowId: RowId, columnKey: ColumnKey | undefined, lineId?: string): void;
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
  const t = useT();
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
        issue.columnKey === undefined ? t("issues.wholeRow") : hub.labelOf(issue.columnKey),
    };
  }, [hub, store, version, t]);

  const outcomes = useRowOutcomeIssues();
  const rejected = useMemo(() => [...outcomes.values()].flat(), [outcomes]);

  // A big import or paste is checked in slices: until it is done, say so rather than a premature "no problems".
  const pending = hub.pendingRows;
  const summary =
    pending > 0
      ? t("issues.summaryChecking", { errors: counts.errors, warnings: counts.warnings, pending })
      : t("issues.summary", { errors: counts.errors, warnings: counts.warnings });

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
        <h2 id="composer-issues-title">{t("issues.title")}</h2>
        <p className="composer-muted" aria-live="polite">
          {summary}
        </p>
      </header>
      {rejected.length > 0 ? (
        <>
          <h3 className="composer-issues__subtitle">{t("issues.fromSubmission")}</h3>
          <ul className="composer-issues__list" aria-label={t("issues.rejectedList")}>
            {rejected.map((issue) => (
              <IssueItem
                key={`hubspot\u0000${issue.rowId}`}
                badge={issue.severity === "error" ? t("issues.badge.rejected") : t("issues.badge.unknown")}
                issue={issue}
                row={rowNumber(issue.rowId)}
                column={columnLabel(issue)}
                onJump={() => onJump(issue.rowId, issue.columnKey ?? hub.columns[0]?.key, issue.lineId)}
              />
            ))}
          </ul>
          <h3 className="composer-issues__subtitle">{t("issues.inBatch")}</h3>
        </>
      ) : null}
      {issues.length === 0 && pending > 0 ? (
        <p className="composer-muted">{t("issues.checking")}</p>
      ) : issues.length === 0 ? (
        <EmptyState title={t("issues.none")} headingLevel={3}>
          {t("issues.noneHint")}
        </EmptyState>
      ) : (
        <ul className="composer-issues__list">
          {issues.slice(0, limit).map((issue) => (
            <IssueItem
              key={`${issue.rowId}\u0000${issue.lineId ?? ""}\u0000${issue.columnKey}\u0000${JSON.stringify(issue.message)}`}
              badge={issue.severity === "error" ? t("issues.badge.error") : t("issues.badge.warning")}
              issue={issue}
              row={rowNumber(issue.rowId)}
              column={columnLabel(issue)}
              onJump={() => onJump(issue.rowId, issue.columnKey ?? hub.columns[0]?.key, issue.lineId)}
            />
          ))}
        </ul>
      )}
      {issues.length > limit ? (
        <p className="composer-muted">
          {t("issues.showing", { shown: limit, total: issues.length })}{" "}
          <Button size="sm" variant="ghost" onClick={() => setLimit(limit + PAGE)}>
            {t("issues.showMore", { count: Math.min(PAGE, issues.length - limit) })}
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
  const describeIssue = useIssueText();
  return (
    <li className="composer-issues__item">
      <Badge tone={issue.severity === "error" ? "danger" : "warning"}>{badge}</Badge>
      <span className="composer-issues__where">
        {row > 0 ? t("issues.where", { row, column }) : t("issues.rowGone")}
      </span>
      <span className="composer-issues__message">{describeIssue(issue.message)}</span>
      {row > 0 ? (
        // The name starts with the visible text, so "click Go to cell" works by voice (WCAG 2.5.3).
        <Button
          size="sm"
          variant="ghost"
          aria-label={t("issues.goToNamed", { row, column })}
          onClick={onJump}
        >
          {t("issues.goTo")}
        </Button>
      ) : null}
    </li>
  );
}
