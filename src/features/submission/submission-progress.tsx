import { useEffect, useState } from "react";
import { remainingMs } from "../../domain/submission/eta.ts";
import { aboutDuration, describeDuration } from "../../domain/submission/plan.ts";
import type { SubmissionSummary } from "../../domain/submission/summary.ts";
import type { SubmissionState } from "../../domain/submission/types.ts";
import { Alert } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";
import { ProgressBar } from "../../ui/spinner.tsx";

const number = new Intl.NumberFormat("en-US");

const TITLES: Record<SubmissionState["status"], string> = {
  running: "Submitting batch…",
  done: "Submission finished",
  canceled: "Submission canceled",
  stopped: "Submission stopped",
  interrupted: "Submission interrupted: the page was closed or reloaded while it ran",
};

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
  state,
  summary,
  running,
  onCancel,
  onDismiss,
  concurrency,
}: {
  concurrency: number;
  state: SubmissionState;
  summary: SubmissionSummary;
  running: boolean;
  onCancel: () => void;
  onDismiss: () => void;
}) {
  const now = useNow(running);
  const { counts } = summary;
  const done = summary.total - counts.pending;
  const elapsed = state.startedAt === undefined ? 0 : (state.finishedAt ?? now) - state.startedAt;
  const waiting = running && state.rateLimitWaitUntil !== undefined && state.rateLimitWaitUntil > now;
  return (
    <section className="submission-progress" aria-label="Submission progress">
      <div className="submission-progress__head">
        <h2 className="submission-progress__title">{running ? "Submitting batch…" : TITLES[state.status]}</h2>
        {running ? (
          <Button variant="danger" size="sm" onClick={onCancel}>
            Cancel submission
          </Button>
        ) : (
          <Button size="sm" onClick={onDismiss}>
            Close
          </Button>
        )}
      </div>
      <ProgressBar
        label="Submission progress"
        value={done}
        max={summary.total}
        valueText={`${number.format(done)} of ${number.format(summary.total)} rows have an outcome`}
        tone={counts.failed + counts.unknown > 0 ? "warning" : "info"}
      />
      <ul className="submission-progress__counts">
        <li>
          <strong>{number.format(counts.created)}</strong> created
        </li>
        {counts.exists > 0 ? (
          <li>
            <strong>{number.format(counts.exists)}</strong> already in HubSpot
          </li>
        ) : null}
        <li>
          <strong>{number.format(counts.failed)}</strong> failed
        </li>
        {counts.unknown > 0 ? (
          <li>
            <strong>{number.format(counts.unknown)}</strong> unknown
          </li>
        ) : null}
        <li>
          <strong>{number.format(counts.pending)}</strong> pending
        </li>
        {counts.canceled + counts["not-sent"] > 0 ? (
          <li>
            <strong>{number.format(counts.canceled + counts["not-sent"])}</strong> not sent
          </li>
        ) : null}
        <li>
          requests <strong>{summary.requestsDone}</strong> / {summary.requestsTotal}
        </li>
        {state.startedAt === undefined ? null : (
          <li>
            started {new Date(state.startedAt).toLocaleTimeString()}, elapsed {describeDuration(elapsed)}
          </li>
        )}
        {running ? <li>{aboutDuration(remainingMs(state, now, concurrency))} left</li> : null}
      </ul>
      <p className="submission-progress__wait" role="status" aria-live="polite">
        {waiting ? "Waiting for HubSpot's rate limit…" : ""}
      </p>
      {state.stopReason ? (
        <Alert tone="danger" title="Sending stopped">
          {state.stopReason.message}
        </Alert>
      ) : null}
      {!running ? (
        <p>
          <a href="#results">See every row's outcome in Results</a>
        </p>
      ) : null}
    </section>
  );
}
