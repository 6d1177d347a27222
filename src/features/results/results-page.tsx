import { useState } from "react";
import type { ManualCheck } from "../../domain/submission/reconcile.ts";
import { describeApiError } from "../../lib/api/api-error.ts";
import { useSubmission } from "../../lib/submission/use-submission.ts";
import { Alert } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";
import { EmptyState } from "../../ui/empty-state.tsx";
import { downloadResultsCsv } from "./export-results.ts";
import { ManualCheckPanel } from "./manual-check.tsx";
import { RequestsTable } from "./requests-table.tsx";
import { RowsTable } from "./rows-table.tsx";
import "./results.css";

const number = new Intl.NumberFormat("en-US");

/** The "Results" tab: every row's outcome and every request's batch status, with retry, reconcile, export. */
export function ResultsPage() {
  const submission = useSubmission();
  const { state, summary, running } = submission;
  const [check, setCheck] = useState<ManualCheck | undefined>(undefined);
  const [notice, setNotice] = useState<{ tone: "success" | "warning"; text: string } | undefined>(undefined);

  if (!state || !summary) {
    return (
      <EmptyState title="No submission yet">
        Build a batch in Compose, then use “Submit batch”. Every row's outcome shows up here.
      </EmptyState>
    );
  }
  const { counts } = summary;
  const retryable = counts.failed + counts["not-sent"] + counts.canceled;

  const retry = async () => {
    setCheck(undefined);
    let invalid: Awaited<ReturnType<typeof submission.retryFailed>>;
    try {
      invalid = await submission.retryFailed();
    } catch (error) {
      setNotice({ tone: "warning", text: describeApiError(error) });
      return;
    }
    setNotice(
      invalid.length === 0
        ? undefined
        : {
            tone: "warning",
            text: `${number.format(invalid.length)} ${invalid.length === 1 ? "row is" : "rows are"} still invalid and ${invalid.length === 1 ? "was" : "were"} not sent: ${invalid
              .slice(0, 3)
              .map((row) => `row ${row.rowNumber} (${row.reason})`)
              .join("; ")}${invalid.length > 3 ? "; …" : ""}. Fix them in Compose, then retry.`,
          },
    );
  };

  const reconcile = async () => {
    setNotice(undefined);
    let result: Awaited<ReturnType<typeof submission.reconcile>>;
    try {
      result = await submission.reconcile();
    } catch (error) {
      setNotice({ tone: "warning", text: `Reconcile did not finish: ${describeApiError(error)}` });
      return;
    }
    if ("instructions" in result) setCheck(result);
    else {
      setCheck(undefined);
      setNotice({
        tone: "success",
        text: `${number.format(result.found)} unknown ${result.found === 1 ? "row was" : "rows were"} found in HubSpot and marked created; ${number.format(result.resent)} not found ${result.resent === 1 ? "was" : "were"} sent again.`,
      });
    }
  };

  return (
    <section className="results" aria-label="Submission results">
      <header className="results-head">
        <div>
          <h2 className="results-head__title">Results</h2>
          <p className="results-head__summary">
            {new Date(state.startedAt ?? state.createdAt).toLocaleString()} ·{" "}
            {state.environment.kind === "simulator"
              ? "Simulator"
              : `HubSpot portal ${state.environment.portalId ?? ""}`}{" "}
            · {number.format(counts.created)} created,{" "}
            {counts.exists ? `${number.format(counts.exists)} already in HubSpot, ` : ""}
            {number.format(counts.failed)} failed, {number.format(counts.unknown)} unknown,{" "}
            {number.format(counts.canceled + counts["not-sent"])} not sent
            {counts.pending ? `, ${number.format(counts.pending)} pending` : ""}
            {state.skipped.length
              ? ` · ${number.format(state.skipped.length)} invalid ${state.skipped.length === 1 ? "row" : "rows"} skipped`
              : ""}
          </p>
        </div>
        <div className="results-actions">
          <Button onClick={() => void retry()} disabled={running || retryable === 0}>
            Retry failed rows{retryable ? ` (${number.format(retryable)})` : ""}
          </Button>
          <Button
            onClick={() => void reconcile()}
            disabled={running || counts.unknown === 0}
            busy={submission.reconciling}
          >
            Reconcile unknown rows{counts.unknown ? ` (${number.format(counts.unknown)})` : ""}
          </Button>
          <Button onClick={() => downloadResultsCsv(state)}>Export CSV</Button>
        </div>
      </header>

      {state.stopReason?.kind === "auth" ? (
        <Alert
          tone="danger"
          title={
            state.stopReason.status === 401
              ? "HubSpot rejected the access token"
              : "Missing HubSpot permission"
          }
        >
          {state.stopReason.message} No quote was marked created by the rejected requests.
        </Alert>
      ) : state.stopReason ? (
        <Alert tone="danger" title="Sending stopped">
          {state.stopReason.message}
        </Alert>
      ) : null}
      {state.status === "interrupted" ? (
        <Alert tone="warning" title="This submission was interrupted">
          The page was closed or reloaded while it ran. Rows that were on their way are “unknown”: reconcile
          them before sending them again. Rows never sent are “not sent”: retry them.
        </Alert>
      ) : null}
      {counts.failed > 0 ? (
        <p className="results-hint">
          Failed rows keep their place in the composer, with HubSpot's message on their cells. Fix them there,
          then retry.
        </p>
      ) : null}
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      {submission.error ? <Alert tone="danger">{submission.error.message}</Alert> : null}
      {check ? <ManualCheckPanel check={check} state={state} onMark={submission.mark} /> : null}

      <RowsTable state={state} />
      <details className="results-requests">
        <summary>
          Requests ({summary.requestsDone} of {summary.requestsTotal} done)
        </summary>
        <RequestsTable state={state} />
      </details>
    </section>
  );
}
