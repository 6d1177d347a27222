import { useEffect, useState } from "react";
import { aboutDuration, describeDuration, planSubmission } from "../../domain/submission/plan.ts";
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

/** What is left, at the rate limit and the round trips seen so far. */
function etaMs(state: SubmissionState, summary: SubmissionSummary, now: number): number {
  const left = summary.requestsTotal - summary.requestsDone;
  if (left <= 0) return 0;
  const trips = state.requests.filter((r) => r.sentAt !== undefined && r.settledAt !== undefined);
  const latency = trips.length
    ? trips.reduce((sum, r) => sum + (r.settledAt! - r.sentAt!), 0) / trips.length
    : 300;
  const estimate = planSubmission({
    quotes: left * 100,
    rateLimit: state.rateLimit,
    latencyMs: latency,
    concurrency: 6,
  }).estimatedMs;
  return Math.max(estimate, (state.rateLimitWaitUntil ?? 0) - now);
}

export function SubmissionProgress({
  state,
  summary,
  running,
  onCancel,
  onDismiss,
}: {
  state: SubmissionState;
  summary: SubmissionSummary;
  running: boolean;
  onCancel: () => void;
  onDismiss: () => void;
}) {
  const now = useNow(running);
  const { counts } = summary;
  const done = summary.total - counts.pending;
  const elapsed = (state.finishedAt ?? now) - state.createdAt;
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
        <li>elapsed {describeDuration(elapsed)}</li>
        {running ? <li>{aboutDuration(etaMs(state, summary, now))} left</li> : null}
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
