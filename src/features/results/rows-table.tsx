import { type ReactNode, useId, useMemo, useState } from "react";
import type { QuoteProgress } from "../../domain/submission/phases.ts";
import { quoteSummaryOf, syncQuotes } from "../../domain/submission/quote-phases.ts";
import type { RowOutcome, RowResult, SubmissionState } from "../../domain/submission/types.ts";
import { quoteRecordUrl } from "../../hubspot/account.ts";
import type { QuoteSystem } from "../../hubspot/quote-system.ts";
import { type IssueText, skippedReason, useIssueText } from "../../i18n/issue-text.ts";
import { useFormat } from "../../i18n/language-provider.tsx";
import { type SubmissionText, useSubmissionText } from "../../i18n/submission-text.ts";
import { type RichValues, type Translate, useT, useTRich } from "../../i18n/use-t.ts";
import { Button } from "../../ui/button.tsx";
import { ScrollRegion } from "../../ui/scroll-region.tsx";
import { OutcomeBadge } from "./outcome-badge.tsx";

const PAGE = 100;
const OUTCOME_ORDER: readonly RowOutcome[] = [
  "failed",
  "unknown",
  "not-sent",
  "canceled",
  "pending",
  "exists",
  "created",
];
type SortKey = "row" | "outcome";

function idCell(state: SubmissionState, row: RowResult) {
  if (!row.hubspotId) return "";
  const { portalId, uiDomain } = state.environment;
  if (portalId === undefined || !uiDomain) return row.hubspotId;
  return (
    <a href={quoteRecordUrl({ portalId, uiDomain }, row.hubspotId)} target="_blank" rel="noreferrer">
      {row.hubspotId}
    </a>
  );
}

/** A row whose answer was lost, and how its outcome was then found out. */
const SETTLED_BY = { key: "rows.settledBy.key", journal: "rows.settledBy.journal" } as const;

function messageCell(
  state: SubmissionState,
  row: RowResult,
  tRich: (
    id: "rows.existsMessage" | (typeof SETTLED_BY)[keyof typeof SETTLED_BY],
    values: RichValues,
  ) => ReactNode,
  text: SubmissionText,
) {
  if (row.outcome === "exists") return tRich("rows.existsMessage", { id: idCell(state, row) });
  if (row.settledBy) return tRich(SETTLED_BY[row.settledBy], {});
  return text(row.error?.message);
}

/**
 * Rows the submission skipped as invalid were never sent; they get a line too, so every row of the batch
 * shows an outcome and the reason it has it.
 */
function withSkipped(state: SubmissionState, t: Translate, describeIssue: IssueText): readonly RowResult[] {
  if (state.skipped.length === 0) return state.rows;
  const skipped = state.skipped.map(
    (row): RowResult => ({
      rowId: row.rowId,
      rowNumber: row.rowNumber,
      title: row.title,
      outcome: "not-sent",
      error: {
        category: "INVALID",
        message: t("rows.skipped", { reason: skippedReason(describeIssue, row) }),
      },
    }),
  );
  return [...state.rows, ...skipped];
}

/** Line items n/m, HubSpot's amount, and the published link (legacy) or what to do in HubSpot (CPQ). */
function QuoteCells({ progress, system }: { progress: QuoteProgress | undefined; system: QuoteSystem }) {
  const t = useT();
  const format = useFormat();
  if (!progress) return <td colSpan={3} />;
  const summary = quoteSummaryOf(progress);
  const { amount, currency, quoteLink, pdfLink } = progress.readBack;
  const money =
    amount === undefined || amount === "" || !Number.isFinite(Number(amount))
      ? ""
      : currency
        ? format.money(Number(amount), currency)
        : format.number(Number(amount));
  return (
    <>
      <td>
        {summary.linesTotal === 0
          ? t("rows.lines.none")
          : t(summary.linesDone === summary.linesTotal ? "rows.lines.all" : "rows.lines.some", {
              done: summary.linesDone,
              total: summary.linesTotal,
            })}
      </td>
      <td className="results-table__amount">{money}</td>
      <td>
        {summary.published && quoteLink ? (
          <span className="results-links">
            <a href={quoteLink} target="_blank" rel="noreferrer">
              {t("rows.link.quote")}
            </a>
            {pdfLink ? (
              <a href={pdfLink} target="_blank" rel="noreferrer">
                {t("rows.link.pdf")}
              </a>
            ) : null}
          </span>
        ) : progress.quote.state === "done" || progress.quote.state === "exists" ? (
          t(system === "cpq" ? "rows.link.cpqDraft" : "rows.link.draft")
        ) : (
          ""
        )}
      </td>
    </>
  );
}

const PHASE_MESSAGE = {
  "line items": "rows.phase.lines",
  publish: "rows.phase.publish",
  "read back": "rows.phase.readBack",
  quote: "rows.phase.quote",
} as const;

/** What went wrong after the quote was created, at which phase, and what to do. */
function PhaseProblem({ progress }: { progress: QuoteProgress | undefined }) {
  const t = useT();
  const text = useSubmissionText();
  if (!progress || progress.quote.state === "failed" || progress.quote.state === "todo") return null;
  const summary = quoteSummaryOf(progress);
  if (summary.complete) return null;
  if (summary.outcome === "unknown")
    return <span className="results-table__phase">{t("rows.phase.unknown")}</span>;
  if (!summary.failedPhase) return null;
  return (
    <span className="results-table__phase">
      {t(PHASE_MESSAGE[summary.failedPhase], { reason: text(summary.error?.message) })}
    </span>
  );
}

/** One line per row: outcome, HubSpot id (linked), error category, message and property. */
export function RowsTable({ state }: { state: SubmissionState }) {
  const [filter, setFilter] = useState<RowOutcome | "all">("all");
  const [sort, setSort] = useState<{ key: SortKey; ascending: boolean }>({ key: "row", ascending: true });
  const [page, setPage] = useState(0);
  const filterId = useId();
  const t = useT();
  const tRich = useTRich();
  const text = useSubmissionText();

  const describeIssue = useIssueText();
  const allRows = useMemo(() => withSkipped(state, t, describeIssue), [state, t, describeIssue]);
  const phases = state.phases;
  const progressOf = useMemo(() => {
    const synced = phases ? syncQuotes(phases, state.rows).progress : [];
    return new Map(synced.map((p) => [p.rowId, p]));
  }, [phases, state.rows]);
  const counts = useMemo(() => {
    const map = new Map<RowOutcome, number>();
    for (const row of allRows) map.set(row.outcome, (map.get(row.outcome) ?? 0) + 1);
    return map;
  }, [allRows]);

  const rows = useMemo(() => {
    const shown = filter === "all" ? [...allRows] : allRows.filter((row) => row.outcome === filter);
    const direction = sort.ascending ? 1 : -1;
    shown.sort((a, b) => {
      const byOutcome = OUTCOME_ORDER.indexOf(a.outcome) - OUTCOME_ORDER.indexOf(b.outcome);
      const byRow = a.rowNumber - b.rowNumber;
      return direction * (sort.key === "outcome" ? byOutcome || byRow : byRow);
    });
    return shown;
  }, [allRows, filter, sort]);

  const pages = Math.max(1, Math.ceil(rows.length / PAGE));
  const current = Math.min(page, pages - 1);
  const visible = rows.slice(current * PAGE, current * PAGE + PAGE);
  const toggle = (key: SortKey) =>
    setSort((s) => (s.key === key ? { key, ascending: !s.ascending } : { key, ascending: true }));
  const ariaSort = (key: SortKey) =>
    sort.key === key ? (sort.ascending ? "ascending" : "descending") : "none";

  return (
    <div className="results-rows">
      <div className="results-rows__controls">
        <label htmlFor={filterId}>{t("rows.show")}</label>
        <select
          id={filterId}
          value={filter}
          onChange={(event) => {
            const value = event.target.value;
            setFilter(value === "all" ? "all" : (OUTCOME_ORDER.find((o) => o === value) ?? "all"));
            setPage(0);
          }}
        >
          <option value="all">{t("rows.all", { count: allRows.length })}</option>
          {OUTCOME_ORDER.filter((o) => counts.get(o)).map((outcome) => (
            <option key={outcome} value={outcome}>
              {t("rows.outcomeOption", { outcome: t(`outcome.${outcome}`), count: counts.get(outcome) ?? 0 })}
            </option>
          ))}
        </select>
        <span className="results-rows__paging">
          <Button size="sm" disabled={current === 0} onClick={() => setPage(current - 1)}>
            {t("rows.prev")}
          </Button>
          <span>{t("rows.page", { page: current + 1, pages })}</span>
          <Button size="sm" disabled={current >= pages - 1} onClick={() => setPage(current + 1)}>
            {t("rows.next")}
          </Button>
        </span>
      </div>
      <ScrollRegion className="results-table-wrap" label={t("rows.tableRegion")}>
        <table className="results-table" aria-label={t("rows.label")}>
          <thead>
            <tr>
              <th scope="col" aria-sort={ariaSort("row")}>
                <button type="button" className="results-sort" onClick={() => toggle("row")}>
                  {t("rows.col.row")}
                </button>
              </th>
              <th scope="col">{t("rows.col.title")}</th>
              <th scope="col" aria-sort={ariaSort("outcome")}>
                <button type="button" className="results-sort" onClick={() => toggle("outcome")}>
                  {t("rows.col.outcome")}
                </button>
              </th>
              <th scope="col">{t("rows.col.id")}</th>
              {phases ? (
                <>
                  <th scope="col">{t("rows.col.lines")}</th>
                  <th scope="col">{t("rows.col.amount")}</th>
                  <th scope="col">{t("rows.col.link")}</th>
                </>
              ) : null}
              <th scope="col">{t("rows.col.category")}</th>
              <th scope="col">{t("rows.col.message")}</th>
              <th scope="col">{t("rows.col.property")}</th>
            </tr>
          </thead>
          <tbody>
            {visible.map((row) => (
              <tr key={row.rowId}>
                <td>{row.rowNumber}</td>
                <td>{row.title}</td>
                <td>
                  <OutcomeBadge outcome={row.outcome} />
                </td>
                <td>{idCell(state, row)}</td>
                {phases ? <QuoteCells progress={progressOf.get(row.rowId)} system={phases.system} /> : null}
                <td>{row.error?.category ?? ""}</td>
                <td className="results-table__message">
                  {messageCell(state, row, tRich, text)}
                  <PhaseProblem progress={progressOf.get(row.rowId)} />
                </td>
                <td>{row.error?.propertyName ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </div>
  );
}
