import type { RowId } from "../batch/row.ts";
import type { Verdict } from "./classify.ts";
import { correlate, rejectRows } from "./correlate.ts";
import type { SubmissionMessage } from "./submission-message.ts";
import type { BatchInfo, QueueRequest, RowUpdate, StopReason, WaitReason } from "./types.ts";

/** What the queue knows about one request between attempts. */
export interface QueueEntry {
  request: QueueRequest;
  /** Resends so far of this request after answers that proved it was not applied. */
  resends: number;
}

export interface QueuePolicy {
  /** Resends of a request known not to have reached HubSpot before giving up. */
  maxResends: number;
  uniqueProperty?: string;
  /** Rows this submission may already have created (they were "unknown"): a conflict on them is ours. */
  maybeCreated?: ReadonlySet<RowId>;
  rowNumberOf?: (rowId: RowId) => number | undefined;
}

/** The request ends with these row outcomes (and possibly stops the whole run). */
export interface Settle {
  kind: "settle";
  phase: "complete" | "failed" | "unknown" | "not-sent";
  rows: readonly RowUpdate[];
  httpStatus?: number;
  batch?: BatchInfo;
  note?: SubmissionMessage;
  stop?: StopReason;
  /** No answer at all: pause sending until the server answers a health probe. */
  offline?: boolean;
}

/** The request goes back to the front of the queue after `waitMs`. */
export interface Requeue {
  kind: "requeue";
  waitMs: number;
  reason: WaitReason;
  note: SubmissionMessage;
  /** A 429: nothing at all may be sent before the wait is over. */
  pauseAll: boolean;
  /** It counts against `maxResends`. */
  countsAsResend: boolean;
}

export type Decision = Settle | Requeue;

/**
 * The queue's whole policy for one answer, as a pure function (table-tested in decide.test.ts): what is
 * resent, after how long, what the rows become, and when sending stops. docs/decisions/003 explains why.
 */
export function decide(entry: QueueEntry, verdict: Verdict, policy: QueuePolicy): Decision {
  switch (verdict.kind) {
    case "batch": {
      const { response } = verdict;
      return {
        kind: "settle",
        phase: "complete",
        httpStatus: verdict.status,
        batch: {
          status: response.status,
          requestedAt: response.requestedAt,
          startedAt: response.startedAt,
          completedAt: response.completedAt,
          numErrors: response.numErrors ?? response.errors?.length ?? 0,
        },
        rows: correlate(entry.request, response, {
          uniqueProperty: policy.uniqueProperty,
          maybeCreated: policy.maybeCreated,
        }),
      };
    }
    case "rate-limited":
      return requeue(verdict.waitMs, "rate-limit", verdict.message, { pauseAll: true });
    case "locked":
      return requeue(verdict.waitMs, "locked", verdict.message);
    case "resend": {
      if (entry.resends >= policy.maxResends) {
        const message: SubmissionMessage = {
          code: "gaveUp",
          tries: entry.resends + 1,
          cause: verdict.message,
        };
        return {
          kind: "settle",
          phase: "failed",
          rows: mark(entry, "not-sent", "UNREACHABLE", message),
          note: message,
          stop: { kind: "server-unreachable", message },
        };
      }
      // Exponential backoff: 1, 2, 4, 8, 16 s.
      const waitMs = Math.min(1000 * 2 ** entry.resends, 16_000);
      return requeue(waitMs, verdict.reason, verdict.message, { countsAsResend: true });
    }
    case "unknown":
      return {
        kind: "settle",
        phase: "unknown",
        ...(verdict.status === undefined ? { offline: true } : { httpStatus: verdict.status }),
        rows: mark(entry, "unknown", "UNKNOWN_OUTCOME", { code: "mayExist", cause: verdict.message }),
        note: verdict.message,
      };
    case "rejected":
      return {
        kind: "settle",
        phase: "failed",
        httpStatus: verdict.status,
        rows: rejectRows(entry.request, verdict.body, verdict.category, verdict.message, policy.rowNumberOf),
        note: verdict.message,
      };
    case "stop-auth":
      return {
        kind: "settle",
        phase: "failed",
        httpStatus: verdict.status,
        rows: mark(entry, "failed", verdict.category, verdict.message),
        note: verdict.message,
        stop: { kind: "auth", status: verdict.status, message: verdict.message },
      };
    case "signed-out":
      // The proxy refused it before sending: its rows are simply not sent yet, and so is everything after it.
      return {
        kind: "settle",
        phase: "not-sent",
        httpStatus: 401,
        rows: mark(entry, "not-sent", "SIGNED_OUT", verdict.message),
        note: verdict.message,
        stop: {
          kind: "signed-out",
          message: verdict.message,
          ...(verdict.signIn ? { signIn: verdict.signIn } : {}),
        },
      };
    case "stop-daily":
      return {
        kind: "settle",
        phase: "failed",
        httpStatus: 429,
        rows: mark(entry, "not-sent", "RATE_LIMITS", verdict.message),
        note: verdict.message,
        stop: { kind: "daily-limit", message: verdict.message },
      };
  }
}

function requeue(
  waitMs: number,
  reason: WaitReason,
  note: SubmissionMessage,
  flags: { pauseAll?: boolean; countsAsResend?: boolean } = {},
): Requeue {
  return {
    kind: "requeue",
    waitMs,
    reason,
    note,
    pauseAll: flags.pauseAll ?? false,
    countsAsResend: flags.countsAsResend ?? false,
  };
}

function mark(
  entry: QueueEntry,
  outcome: RowUpdate["outcome"],
  category: string,
  message: SubmissionMessage,
): RowUpdate[] {
  return entry.request.rowIds.map((rowId) => ({ rowId, outcome, error: { category, message } }));
}
