import { z } from "zod";
import { BatchStatus, type QuoteCreateInput } from "../../hubspot/batch-create.ts";
import type { RowId } from "../batch/row.ts";
import { StoredIssue } from "../validation/issue.ts";
import { PhaseState } from "./phases.ts";
import { StoredMessage, type SubmissionMessage } from "./submission-message.ts";

/**
 * The submission as it is shown and persisted: declared once, here, as zod schemas; storage parses what it
 * reads back with them (`src/lib/storage/submissions.ts`).
 */

/**
 * Where a row ended. `pending` only while a submission runs. `exists`: HubSpot refused it as a duplicate of a
 * quote an earlier submission created (unique-key conflict) — it is in HubSpot, but this run created nothing.
 */
export const RowOutcome = z.enum([
  "pending",
  "created",
  "exists",
  "failed",
  "unknown",
  "canceled",
  "not-sent",
]);
export type RowOutcome = z.infer<typeof RowOutcome>;

export const FINAL_OUTCOMES: readonly RowOutcome[] = [
  "created",
  "exists",
  "failed",
  "unknown",
  "canceled",
  "not-sent",
];

export const RowError = z.object({
  category: z.string(),
  /** A code the UI words in the viewer's language (older saves: English text). */
  message: StoredMessage,
  /** The property HubSpot complained about, when it said (context) or when the message names it. */
  propertyName: z.string().optional(),
});
export type RowError = z.infer<typeof RowError>;

export const RowResult = z.object({
  rowId: z.string(),
  /** 1-based position in the batch when it was submitted, for people. */
  rowNumber: z.number(),
  title: z.string(),
  outcome: RowOutcome,
  /** The request that last carried this row. */
  requestId: z.string().optional(),
  /** The quote's id: the one created, or for `exists` the one HubSpot already had. */
  hubspotId: z.string().optional(),
  error: RowError.optional(),
  /** The generated value stamped into the unique-value property, when the submission stamped one. */
  uniqueValue: z.string().optional(),
  /** Archived by this submission's undo (with its line items). */
  archived: z.boolean().optional(),
  /**
   * How a row whose answer was lost got its outcome: found in HubSpot by its stamped key, or HubSpot's answer
   * was in the server's journal. Results says so, beside the row.
   */
  settledBy: z.enum(["key", "journal"]).optional(),
});
export type RowResult = z.infer<typeof RowResult>;

export const RequestPhase = z.enum([
  "queued",
  "sending",
  "waiting",
  "complete",
  "failed",
  "unknown",
  "canceled",
  "not-sent",
]);
export type RequestPhase = z.infer<typeof RequestPhase>;

export const WaitReason = z.enum(["rate-limit", "locked", "not-applied", "server-unreachable"]);
export type WaitReason = z.infer<typeof WaitReason>;

export const WaitRecord = z.object({ reason: WaitReason, ms: z.number(), at: z.number() });
export type WaitRecord = z.infer<typeof WaitRecord>;

/** One attempt at a request: when it left, when its answer (or our give-up) came, and what it was. */
export const Attempt = z.object({
  sentAt: z.number(),
  answeredAt: z.number().optional(),
  /** Absent when no answer came (dropped connection, timeout). */
  httpStatus: z.number().int().optional(),
});
export type Attempt = z.infer<typeof Attempt>;

/** What a request did: the quote phase (batch/create of quotes) or a later one (decision 033), or undo. */
export const RequestKind = z.enum(["quotes", "lines", "reconcile-lines", "publish", "read-back", "archive"]);
export type RequestKind = z.infer<typeof RequestKind>;

export const RequestRecord = z.object({
  id: z.string(),
  /** Absent in older saves: the quote phase. */
  kind: RequestKind.optional(),
  /** Indexes into `SubmissionState.rows`. */
  rowIndexes: z.array(z.number().int()),
  phase: RequestPhase,
  attempts: z.number().int(),
  /** Every attempt, oldest first (older saves have none). */
  tries: z.array(Attempt).default([]),
  waits: z.array(WaitRecord),
  httpStatus: z.number().int().optional(),
  batchStatus: BatchStatus.optional(),
  requestedAt: z.string().optional(),
  startedAt: z.string().optional(),
  completedAt: z.string().optional(),
  numErrors: z.number().int().optional(),
  /** When we first sent it and when its last answer (or give-up) came, epoch ms. */
  sentAt: z.number().optional(),
  settledAt: z.number().optional(),
  /** A short note for the per-request table: "Timed out after 120 s", "HubSpot answered 502". */
  note: StoredMessage.optional(),
});
export type RequestRecord = z.infer<typeof RequestRecord>;

export const StopReason = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("daily-limit"), message: StoredMessage }),
  z.object({
    kind: z.literal("auth"),
    status: z.union([z.literal(401), z.literal(403)]),
    message: StoredMessage,
  }),
  z.object({ kind: z.literal("server-unreachable"), message: StoredMessage }),
  /**
   * The person's sign-in ended mid-run: what was not sent stays "not sent" (the proxy forwarded nothing), and
   * the run resumes once they sign in again. `signIn`: where signing in starts (OIDC), from the proxy's answer.
   */
  z.object({ kind: z.literal("signed-out"), message: StoredMessage, signIn: z.string().optional() }),
]);
export type StopReason = z.infer<typeof StopReason>;

export const SubmissionEnvironment = z.object({
  kind: z.enum(["simulator", "hubspot"]),
  portalId: z.number().optional(),
  uiDomain: z.string().optional(),
  sandbox: z.boolean().optional(),
});
export type SubmissionEnvironment = z.infer<typeof SubmissionEnvironment>;

export const SkippedRow = z.object({
  rowId: z.string(),
  rowNumber: z.number(),
  title: z.string(),
  /** The reason in the submitter's language when it was skipped: what older saves have. */
  reason: z.string(),
  /** The reason as a code, worded in each reader's language (saves since decision 072's follow-up). */
  issue: StoredIssue.optional(),
});
export type SkippedRow = z.infer<typeof SkippedRow>;

export const SubmissionStatus = z.enum(["running", "done", "stopped", "canceled", "interrupted"]);
export type SubmissionStatus = z.infer<typeof SubmissionStatus>;

/** One submission, as the progress bar, the results table and the history read it. Plain data: persisted. */
export const SubmissionState = z.object({
  id: z.string(),
  /** When the person confirmed the dialog. */
  createdAt: z.number(),
  /** When the first request left: "Started" and the elapsed time count from here. */
  startedAt: z.number().optional(),
  environment: SubmissionEnvironment,
  rateLimit: z.object({ max: z.number(), intervalMs: z.number() }),
  uniqueProperty: z.string().optional(),
  status: SubmissionStatus,
  stopReason: StopReason.optional(),
  finishedAt: z.number().optional(),
  rows: z.array(RowResult),
  requests: z.array(RequestRecord),
  skipped: z.array(SkippedRow),
  /** Set while sending holds back for the rate limit. */
  rateLimitWaitUntil: z.number().optional(),
  /** Line items, publishing and read-back per quote (absent: quotes only, as older saves). */
  phases: PhaseState.optional(),
  /** The undo of this submission: its quotes archived (who, when, how many). */
  undo: z
    .object({
      by: z.string().optional(),
      startedAt: z.number(),
      finishedAt: z.number().optional(),
      quotes: z.number(),
      lineItems: z.number(),
      archived: z.number(),
      failed: z.number(),
      message: StoredMessage.optional(),
      /**
       * The person's sign-in ended mid-undo: what was not archived waits (nothing was sent for it), and
       * "Resume" archives the rest once they sign in again. `signIn`: where signing in starts (OIDC).
       */
      paused: z.object({ at: z.number(), signIn: z.string().optional() }).optional(),
    })
    .optional(),
});
export type SubmissionState = z.infer<typeof SubmissionState>;

/** What the queue works on: one batch/create request. `rowIds[i]` is `inputs[i].objectWriteTraceId`. */
export interface QueueRequest {
  id: string;
  /** What is created: quotes (default) or line items (rowIds are then line ids). */
  target?: "quotes" | "line_items";
  rowIds: readonly RowId[];
  inputs: readonly QuoteCreateInput[];
}

export interface RowUpdate {
  rowId: RowId;
  outcome: RowOutcome;
  hubspotId?: string;
  error?: RowError;
}

export interface BatchInfo {
  status: BatchStatus;
  requestedAt?: string;
  startedAt: string;
  completedAt: string;
  numErrors: number;
}

/** Everything the queue reports; `applyQueueEvent` folds these into a `SubmissionState`. */
export type QueueEvent =
  | { type: "sending"; requestId: string; attempt: number; at: number }
  | {
      type: "waiting";
      requestId: string;
      reason: WaitReason;
      ms: number;
      at: number;
      note: SubmissionMessage;
      httpStatus?: number;
    }
  | {
      type: "settled";
      requestId: string;
      at: number;
      phase: "complete" | "failed" | "unknown" | "not-sent";
      httpStatus?: number;
      batch?: BatchInfo;
      rows: readonly RowUpdate[];
      note?: SubmissionMessage;
    }
  | { type: "unsent"; requestIds: readonly string[]; outcome: "canceled" | "not-sent"; at: number }
  | { type: "pacing"; waiting: boolean; until?: number; at: number }
  | { type: "stopped"; reason: StopReason; at: number };
