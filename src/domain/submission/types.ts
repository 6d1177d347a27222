import type { BatchStatus, QuoteCreateInput } from "../../hubspot/batch-create.ts";
import type { RowId } from "../batch/row.ts";

/** Where a row ended. `pending` only while a submission runs. */
export type RowOutcome = "pending" | "created" | "failed" | "unknown" | "canceled" | "not-sent";

export const FINAL_OUTCOMES: readonly RowOutcome[] = ["created", "failed", "unknown", "canceled", "not-sent"];

export interface RowError {
  category: string;
  message: string;
  /** The property HubSpot complained about, when it said (context) or when the message names it. */
  propertyName?: string;
}

export interface RowResult {
  rowId: RowId;
  /** 1-based position in the batch when it was submitted, for people. */
  rowNumber: number;
  title: string;
  outcome: RowOutcome;
  /** The request that last carried this row. */
  requestId?: string;
  hubspotId?: string;
  error?: RowError;
  /** The generated value stamped into the unique-value property, when the submission stamped one. */
  uniqueValue?: string;
}

export type RequestPhase =
  | "queued"
  | "sending"
  | "waiting"
  | "complete"
  | "failed"
  | "unknown"
  | "canceled"
  | "not-sent";

export type WaitReason = "rate-limit" | "locked" | "not-applied" | "server-unreachable";

export interface WaitRecord {
  reason: WaitReason;
  ms: number;
  at: number;
}

export interface RequestRecord {
  id: string;
  /** Indexes into `SubmissionState.rows`. */
  rowIndexes: readonly number[];
  phase: RequestPhase;
  attempts: number;
  waits: readonly WaitRecord[];
  httpStatus?: number;
  batchStatus?: BatchStatus;
  requestedAt?: string;
  startedAt?: string;
  completedAt?: string;
  numErrors?: number;
  /** When we first sent it and when its last answer (or give-up) came, epoch ms. */
  sentAt?: number;
  settledAt?: number;
  /** A short note for the per-request table: "Timed out after 120 s", "HubSpot answered 502". */
  note?: string;
}

export type StopReason =
  | { kind: "daily-limit"; message: string }
  | { kind: "auth"; status: 401 | 403; message: string }
  | { kind: "server-unreachable"; message: string };

/** What the queue works on: one batch/create request. `rowIds[i]` is `inputs[i].objectWriteTraceId`. */
export interface QueueRequest {
  id: string;
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
  | { type: "waiting"; requestId: string; reason: WaitReason; ms: number; at: number; note: string }
  | {
      type: "settled";
      requestId: string;
      at: number;
      phase: "complete" | "failed" | "unknown";
      httpStatus?: number;
      batch?: BatchInfo;
      rows: readonly RowUpdate[];
      note?: string;
    }
  | { type: "unsent"; requestIds: readonly string[]; outcome: "canceled" | "not-sent"; at: number }
  | { type: "pacing"; waiting: boolean; until?: number; at: number }
  | { type: "stopped"; reason: StopReason; at: number };
