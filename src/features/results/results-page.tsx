import { useState } from "react";
import { incompleteQuotes } from "../../domain/submission/quote-phases.ts";
import type { ManualCheck } from "../../domain/submission/reconcile.ts";
import { useFormat } from "../../i18n/language-provider.tsx";
import { useSubmissionText } from "../../i18n/submission-text.ts";
import { useT } from "../../i18n/use-t.ts";
import { describeApiError } from "../../lib/api/api-error.ts";
import { useLacks } from "../../lib/api/get-me.ts";
import { signedOutStop } from "../../lib/submission/signed-out-stop.ts";
import { useSubmission } from "../../lib/submission/use-submission.ts";
import { Alert } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";
import { EmptyState } from "../../ui/empty-state.tsx";
import { SignedOutAlert } from "../../ui/signed-out-alert.tsx";
import { ExportResults } from "./export-dialog.tsx";
import { ManualCheckPanel } from "./manual-check.tsx";
import { RequestsTable } from "./requests-table.tsx";
import { RowsTable } from "./rows-table.tsx";
import { UndoOutcome, UndoSubmission } from "./undo-submission.tsx";
import "./results.css";
import { environmentName } from "../../i18n/environment-name.ts";

/** The "Results" tab: every row's outcome and every request's batch status, with retry, reconcile, export. */
export function ResultsPage() {
  const submission = useSubmission();
  const { state, summary, running } = submission;
  const [check, setCheck] = useState<ManualCheck | undefined>(undefined);
  const [undoneCount, setUndoneCount] = useState<number | undefined>(undefined);
  const [notice, setNotice] = useState<{ tone: "success" | "warning"; text: string } | undefined>(undefined);
  const t = useT();
  const text = useSubmissionText();
  const format = useFormat();
  // A viewer reads results; sending again and reconciling are a submitter's (the server refuses them too).
  const canAct = !useLacks("submitter");
  // Archiving is the admin's (docs/decisions/034); the server refuses it to anyone else.
  const canUndo = !useLacks("admin");

  if (!state || !summary) {
    return <EmptyState title={t("results.empty.title")}>{t("results.empty.body")}</EmptyState>;
  }
  const { counts } = summary;
  const retryable = counts.failed + counts["not-sent"] + counts.canceled;
  const incomplete = incompleteQuotes(state).length;
  const signedOut = signedOutStop(state);

  const retry = async (how: "retry" | "resume" = "retry") => {
    setCheck(undefined);
    let invalid: Awaited<ReturnType<typeof submission.retryFailed>>;
    try {
      invalid = await (how === "resume" ? submission.resume() : submission.retryFailed());
    } catch (error) {
      setNotice({ tone: "warning", text: describeApiError(error, t) });
      return;
    }
    setNotice(
      invalid.length === 0
        ? undefined
        : {
            tone: "warning",
            text: t("results.invalidNotSent", {
              count: invalid.length,
              rows: format.list([
                ...invalid
                  .slice(0, 3)
                  .map((row) => t("results.invalidRow", { row: row.rowNumber, reason: row.reason })),
                ...(invalid.length > 3 ? [t("results.more")] : []),
              ]),
            }),
          },
    );
  };

  const reconcile = async () => {
    setNotice(undefined);
    let result: Awaited<ReturnType<typeof submission.reconcile>>;
    try {
      result = await submission.reconcile();
    } catch (error) {
      setNotice({
        tone: "warning",
        text: t("results.reconcileFailed", { reason: describeApiError(error, t) }),
      });
      return;
    }
    if ("rows" in result) setCheck(result);
    else {
      setCheck(undefined);
      setNotice({
        tone: "success",
        text: [
          t("results.reconciled", { found: result.found, resent: result.resent }),
          ...(result.notHere > 0 ? [t("results.reconciledNotHere", { count: result.notHere })] : []),
        ].join(" "),
      });
    }
  };

  return (
    <section className="results" aria-label={t("results.label")}>
      <header className="results-head">
        <div>
          <h2 className="results-head__title">{t("results.title")}</h2>
          <p className="results-head__summary">
            {[
              format.dateTime(state.startedAt ?? state.createdAt),
              environmentName(state.environment, t),
              t("results.summary.counts", {
                created: counts.created,
                exists: counts.exists,
                failed: counts.failed,
                unknown: counts.unknown,
                notSent: counts.canceled + counts["not-sent"],
                pending: counts.pending,
              }),
              ...(state.skipped.length
                ? [t("results.summary.skipped", { count: state.skipped.length })]
                : []),
            ].join(" · ")}
          </p>
        </div>
        <div className="results-actions">
          {canAct ? (
            <>
              <Button onClick={() => void retry()} disabled={running || retryable === 0}>
                {t("results.retry", { count: retryable })}
              </Button>
              <Button
                onClick={() => void reconcile()}
                disabled={running || counts.unknown === 0}
                busy={submission.reconciling}
              >
                {t("results.reconcile", { count: counts.unknown })}
              </Button>
              {incomplete > 0 ? (
                <Button onClick={() => submission.finishIncomplete()} disabled={running}>
                  {t("results.finish", { count: incomplete })}
                </Button>
              ) : null}
              <UndoSubmission
                state={state}
                submission={submission}
                onUndone={() => setUndoneCount((count) => (count ?? 0) + 1)}
              />
            </>
          ) : null}
          <ExportResults
            state={state}
            onSaved={(name) => setNotice({ tone: "success", text: t("export.done", { name }) })}
          />
        </div>
      </header>

      {signedOut ? (
        <SignedOutAlert
          signInHref={signedOut.signInHref}
          onResume={canAct ? () => void retry("resume") : undefined}
          resumeDisabled={running}
        >
          {t(signedOut.inThisPage ? "signedOut.submission.body" : "signedOut.submission.resumeBody")}
        </SignedOutAlert>
      ) : state.stopReason?.kind === "auth" ? (
        <Alert
          tone="danger"
          title={state.stopReason.status === 401 ? t("auth.rejected") : t("results.stop.scope")}
        >
          {t("results.stop.auth", { message: text(state.stopReason.message) })}
        </Alert>
      ) : state.stopReason ? (
        <Alert tone="danger" title={t("results.stop.title")}>
          {text(state.stopReason.message)}
        </Alert>
      ) : null}
      {state.status === "interrupted" ? (
        <Alert tone="warning" title={t("results.interrupted.title")}>
          {t("results.interrupted.body")}
        </Alert>
      ) : null}
      {counts.failed > 0 ? <p className="results-hint">{t("results.failedHint")}</p> : null}
      {/* Resume finishes them too: one way on at a time. */}
      {incomplete > 0 && !running && !signedOut ? (
        <Alert tone="warning" title={t("results.incomplete.title", { count: incomplete })}>
          {t("results.incomplete.body")}
        </Alert>
      ) : null}
      <UndoOutcome
        state={state}
        {...(undoneCount === undefined ? {} : { focusKey: undoneCount })}
        onResume={
          canUndo
            ? () => void submission.undo().finally(() => setUndoneCount((count) => (count ?? 0) + 1))
            : undefined
        }
        resumeDisabled={running}
      />
      {state.phases?.system === "cpq" ? (
        <Alert tone="info" title={t("results.cpq.title")}>
          {t("results.cpq.body")}
        </Alert>
      ) : null}
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      {submission.error ? <Alert tone="danger">{submission.error.message}</Alert> : null}
      {check && canAct ? <ManualCheckPanel check={check} state={state} onMark={submission.mark} /> : null}

      <RowsTable state={state} />
      <details className="results-requests">
        <summary>
          {t("results.requests", { done: summary.requestsDone, total: summary.requestsTotal })}
        </summary>
        <RequestsTable state={state} />
      </details>
    </section>
  );
}
