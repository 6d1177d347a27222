import type { SubmissionSummary } from "../../domain/submission/summary.ts";
import type { SubmissionState } from "../../domain/submission/types.ts";
import type { MessageId } from "../../i18n/messages.ts";
import type { SubmissionText } from "../../i18n/submission-text.ts";
import type { MessageValues } from "../../i18n/use-t.ts";

/** What the announcements compare between two renders of one submission. */
export interface ProgressPoint {
  id: string;
  status: SubmissionState["status"];
  done: number;
  total: number;
  created: number;
  failed: number;
  unknown: number;
  notSent: number;
  waiting: boolean;
  stop?: { kind: "rate-limit" | "error"; message: string };
}

export interface Spoken {
  id: MessageId;
  values: MessageValues;
}

/** Quarters: often enough to follow a long run, rare enough not to talk over the user. */
const STEPS = 4;

export function progressPoint(
  state: SubmissionState,
  summary: SubmissionSummary,
  running: boolean,
  now: number,
  /** The stop's message in the listener's language. */
  text: SubmissionText,
): ProgressPoint {
  const { counts } = summary;
  const reason = state.stopReason;
  return {
    id: state.id,
    status: running ? "running" : state.status,
    done: summary.total - counts.pending,
    total: summary.total,
    created: counts.created,
    failed: counts.failed,
    unknown: counts.unknown,
    notSent: counts.canceled + counts["not-sent"],
    waiting: running && state.rateLimitWaitUntil !== undefined && state.rateLimitWaitUntil > now,
    ...(reason
      ? {
          stop: {
            kind: reason.kind === "daily-limit" ? "rate-limit" : "error",
            message: text(reason.message),
          },
        }
      : {}),
  };
}

const step = (point: ProgressPoint) =>
  point.total === 0 ? 0 : Math.floor((point.done * STEPS) / point.total);

/**
 * The one sentence (if any) a screen reader should hear when a submission moves from `previous` to `next`:
 * started, each quarter done, a wait for the rate limit, finished with counts, stopped and why, canceled.
 * A run already over when the page opens says nothing.
 */
export function submissionAnnouncement(
  previous: ProgressPoint | undefined,
  next: ProgressPoint,
): Spoken | undefined {
  const before = previous?.id === next.id ? previous : undefined;
  const wasRunning = before?.status === "running";
  if (next.status === "running") {
    if (!wasRunning) return { id: "a11y.submission.started", values: { total: next.total } };
    if (next.waiting && !before.waiting) return { id: "a11y.submission.waiting", values: {} };
    if (step(next) > step(before) && step(next) < STEPS)
      return { id: "a11y.submission.progress", values: { done: next.done, total: next.total } };
    return undefined;
  }
  if (!wasRunning) return undefined;
  const counts = { created: next.created, failed: next.failed, unknown: next.unknown, notSent: next.notSent };
  if (next.status === "stopped" || next.stop) {
    return next.stop?.kind === "rate-limit"
      ? { id: "a11y.submission.stoppedRateLimit", values: counts }
      : { id: "a11y.submission.stoppedError", values: { ...counts, reason: next.stop?.message ?? "" } };
  }
  if (next.status === "canceled") return { id: "a11y.submission.canceled", values: counts };
  if (next.status === "done") return { id: "a11y.submission.finished", values: counts };
  return undefined;
}
