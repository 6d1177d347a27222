import { type Ref, useEffect, useId, useState } from "react";
import { remainingMs } from "../../domain/submission/eta.ts";
import type { SubmissionSummary } from "../../domain/submission/summary.ts";
import type { SubmissionState } from "../../domain/submission/types.ts";
import { useFormat } from "../../i18n/language-provider.tsx";
import type { MessageId } from "../../i18n/messages.ts";
import { useSubmissionText } from "../../i18n/submission-text.ts";
import { useT, useTRich } from "../../i18n/use-t.ts";
import { signedOutStop } from "../../lib/submission/signed-out-stop.ts";
import { Alert } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";
import { SignedOutAlert } from "../../ui/signed-out-alert.tsx";
import { ProgressBar } from "../../ui/spinner.tsx";

const TITLES: Record<SubmissionState["status"], MessageId> = {
  running: "progress.title.running",
  done: "progress.title.done",
  canceled: "progress.title.canceled",
  stopped: "progress.title.stopped",
  interrupted: "progress.title.interrupted",
};

const bold = (chunks: unknown[]) => <strong>{chunks.join("")}</strong>;

function useNow(active: boolean): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

export function SubmissionProgress({
  ref,
  state,
  summary,
  running,
  onCancel,
  onDismiss,
  onResume,
  concurrency,
}: {
  /** Focus lands here when a run starts (the submit button that started it is disabled meanwhile). */
  ref?: Ref<HTMLElement>;
  concurrency: number;
  state: SubmissionState;
  summary: SubmissionSummary;
  running: boolean;
  onCancel: () => void;
  onDismiss: () => void;
  /** Sends what a signed-out stop left not sent (once signed in again). */
  onResume?: (() => void) | undefined;
}) {
  const now = useNow(running);
  // Folded to its title and bar, the panel covers less of the page; stops and sign-in problems still show.
  const [folded, setFolded] = useState(false);
  const detailsId = useId();
  const { counts } = summary;
  const done = summary.total - counts.pending;
  const elapsed = state.startedAt === undefined ? 0 : (state.finishedAt ?? now) - state.startedAt;
  const waiting = running && state.rateLimitWaitUntil !== undefined && state.rateLimitWaitUntil > now;
  const signedOut = signedOutStop(state);
  const t = useT();
  const text = useSubmissionText();
  const tRich = useTRich();
  const format = useFormat();
  const duration = (ms: number) => (ms < 1000 ? t("duration.underSecond") : format.duration(ms));
  const remaining = running ? remainingMs(state, now, concurrency) : 0;
  const about = (ms: number) =>
    ms < 1000 ? t("duration.underSecond") : t("duration.about", { duration: format.duration(ms) });
  return (
    <section ref={ref} className="submission-progress" aria-label={t("progress.label")} tabIndex={-1}>
      <div className="submission-progress__head">
        <h2 className="submission-progress__title">
          {t(running ? "progress.title.running" : TITLES[state.status])}
        </h2>
        <div className="submission-progress__actions">
          <Button
            variant="ghost"
            size="sm"
            aria-expanded={!folded}
            aria-controls={detailsId}
            onClick={() => setFolded(!folded)}
          >
            {t(folded ? "progress.showDetails" : "progress.hideDetails")}
          </Button>
          {running ? (
            <Button variant="danger" size="sm" onClick={onCancel}>
              {t("progress.cancel")}
            </Button>
          ) : (
            <Button size="sm" onClick={onDismiss}>
              {t("ui.close")}
            </Button>
          )}
        </div>
      </div>
      <ProgressBar
        label={t("progress.label")}
        value={done}
        max={summary.total}
        valueText={t("progress.value", { done, total: summary.total })}
        tone={counts.failed + counts.unknown > 0 ? "warning" : "info"}
      />
      <div id={detailsId} className="submission-progress__details" hidden={folded}>
        <ul className="submission-progress__counts">
          <li>{tRich("progress.created", { count: counts.created, b: bold })}</li>
          {counts.exists > 0 ? <li>{tRich("progress.exists", { count: counts.exists, b: bold })}</li> : null}
          <li>{tRich("progress.failed", { count: counts.failed, b: bold })}</li>
          {counts.unknown > 0 ? (
            <li>{tRich("progress.unknown", { count: counts.unknown, b: bold })}</li>
          ) : null}
          <li>{tRich("progress.pending", { count: counts.pending, b: bold })}</li>
          {counts.canceled + counts["not-sent"] > 0 ? (
            <li>{tRich("progress.notSent", { count: counts.canceled + counts["not-sent"], b: bold })}</li>
          ) : null}
          <li>
            {tRich("progress.requests", {
              done: summary.requestsDone,
              total: summary.requestsTotal,
              b: bold,
            })}
          </li>
          {state.startedAt === undefined ? null : (
            <li>
              {t("progress.startedElapsed", {
                started: format.time(state.startedAt),
                duration: duration(elapsed),
              })}
            </li>
          )}
          {running ? (
            <li>
              {remaining === undefined
                ? t("progress.leftAnswer")
                : t("progress.left", { duration: about(remaining) })}
            </li>
          ) : null}
        </ul>
        {running && counts.unknown > 0 && state.uniqueProperty ? (
          <p className="submission-progress__note">{t("progress.unknownNote", { count: counts.unknown })}</p>
        ) : null}
        {/* Not a live region: the app's announcer says when sending waits (submission-announcements.ts). */}
        <p className="submission-progress__wait">{waiting ? t("progress.waiting") : ""}</p>
      </div>
      {signedOut ? (
        <SignedOutAlert signInHref={signedOut.signInHref} onResume={onResume} resumeDisabled={running}>
          {t(signedOut.inThisPage ? "signedOut.submission.body" : "signedOut.submission.resumeBody")}
        </SignedOutAlert>
      ) : state.stopReason ? (
        <Alert tone="danger" title={t("results.stop.title")}>
          {text(state.stopReason.message)}
        </Alert>
      ) : null}
      {!running ? (
        <p>
          <a href="#results">{t("progress.seeResults")}</a>
        </p>
      ) : null}
    </section>
  );
}
