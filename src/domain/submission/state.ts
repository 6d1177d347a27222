import type { BatchRow, RowId } from "../batch/row.ts";
import { chunk } from "./chunk.ts";
import type { PhaseState } from "./phases.ts";
import type { RateLimit } from "./plan.ts";
import { rowTitle, type SerialiseOptions, serialiseRow } from "./serialise.ts";
import type {
  QueueEvent,
  QueueRequest,
  RequestKind,
  RequestRecord,
  RowOutcome,
  RowResult,
  SkippedRow,
  StopReason,
  SubmissionEnvironment,
  SubmissionState,
} from "./types.ts";

export interface NumberedRow {
  row: BatchRow;
  rowNumber: number;
}

export interface CreateSubmissionInput {
  id: string;
  now: number;
  environment: SubmissionEnvironment;
  rateLimit: RateLimit;
  rows: readonly NumberedRow[];
  skipped?: readonly SkippedRow[];
  /** Rows not sent because an earlier submission already made their quote: they start as "exists". */
  existing?: readonly (NumberedRow & { hubspotId: string })[];
  serialise?: SerialiseOptions;
  maxPerRequest?: number;
  /** Line items, publishing and read-back to run after each quote (decision 033). */
  phases?: PhaseState;
}

export function createSubmission(input: CreateSubmissionInput): {
  state: SubmissionState;
  requests: QueueRequest[];
} {
  const rows: RowResult[] = [];
  const serialised = input.rows.map(({ row, rowNumber }) => {
    const { input: quote, uniqueValue } = serialiseRow(row, input.serialise);
    const result: RowResult = { rowId: row.id, rowNumber, title: rowTitle(row), outcome: "pending" };
    rows.push(uniqueValue === undefined ? result : { ...result, uniqueValue });
    return { rowId: row.id, input: quote };
  });
  const groups = chunk(
    serialised.map((s, index) => ({ ...s, index })),
    input.maxPerRequest,
  );
  const requests: QueueRequest[] = [];
  const records: RequestRecord[] = groups.map((group, n) => {
    const id = `${input.id}-r${n + 1}`;
    requests.push({ id, rowIds: group.map((g) => g.rowId), inputs: group.map((g) => g.input) });
    for (const g of group) rows[g.index] = { ...rows[g.index]!, requestId: id };
    return { id, rowIndexes: group.map((g) => g.index), phase: "queued", attempts: 0, tries: [], waits: [] };
  });
  for (const { row, rowNumber, hubspotId } of input.existing ?? [])
    rows.push({ rowId: row.id, rowNumber, title: rowTitle(row), outcome: "exists", hubspotId });
  const state: SubmissionState = {
    id: input.id,
    createdAt: input.now,
    environment: input.environment,
    rateLimit: input.rateLimit,
    status: "running",
    rows,
    requests: records,
    skipped: [...(input.skipped ?? [])],
  };
  const uniqueProperty = input.serialise?.stamp?.propertyName;
  const withPhases = input.phases ? { ...state, phases: input.phases } : state;
  return { state: uniqueProperty ? { ...withPhases, uniqueProperty } : withPhases, requests };
}

/** Folds one queue event into the state. Pure; cheap enough for 300 requests × 100 rows. */
export function applyQueueEvent(state: SubmissionState, event: QueueEvent): SubmissionState {
  switch (event.type) {
    case "sending": {
      const next = updateRequest(state, event.requestId, (r) => ({
        ...r,
        phase: "sending",
        attempts: event.attempt,
        tries: [...r.tries, { sentAt: event.at }],
        sentAt: r.sentAt ?? event.at,
      }));
      return next.startedAt === undefined ? { ...next, startedAt: event.at } : next;
    }
    case "waiting":
      return updateRequest(state, event.requestId, (r) => ({
        ...r,
        phase: "waiting",
        tries: answered(r.tries, event.at, event.httpStatus),
        waits: [...r.waits, { reason: event.reason, ms: event.ms, at: event.at }],
        note: event.note,
      }));
    case "settled": {
      const request = state.requests.find((r) => r.id === event.requestId);
      if (!request) return state;
      const next = updateRequest(state, event.requestId, (r) => ({
        ...r,
        phase: event.phase,
        settledAt: event.at,
        tries: answered(r.tries, event.at, event.httpStatus),
        ...(event.httpStatus === undefined ? {} : { httpStatus: event.httpStatus }),
        ...(event.batch
          ? {
              batchStatus: event.batch.status,
              requestedAt: event.batch.requestedAt,
              startedAt: event.batch.startedAt,
              completedAt: event.batch.completedAt,
              numErrors: event.batch.numErrors,
            }
          : {}),
        ...(event.note === undefined ? {} : { note: event.note }),
      }));
      const rows = next.rows.slice();
      const byId = new Map(request.rowIndexes.map((index) => [rows[index]!.rowId, index]));
      for (const update of event.rows) {
        const index = byId.get(update.rowId);
        if (index === undefined) continue;
        const { hubspotId: _h, error: _e, ...rest } = rows[index]!;
        rows[index] = {
          ...rest,
          outcome: update.outcome,
          ...(update.hubspotId ? { hubspotId: update.hubspotId } : {}),
          ...(update.error ? { error: update.error } : {}),
        };
      }
      return { ...next, rows };
    }
    case "unsent": {
      let next = state;
      for (const id of event.requestIds) {
        next = updateRequest(next, id, (r) => ({ ...r, phase: event.outcome }));
        next = setRowsOf(next, id, event.outcome, (row) => row.outcome === "pending");
      }
      return next;
    }
    case "pacing": {
      const { rateLimitWaitUntil: _, ...rest } = state;
      return event.waiting && event.until !== undefined ? { ...rest, rateLimitWaitUntil: event.until } : rest;
    }
    case "stopped":
      return { ...state, stopReason: event.reason };
  }
}

export function finishSubmission(
  state: SubmissionState,
  result: { canceled: boolean; stopped?: StopReason },
  now: number,
): SubmissionState {
  const { rateLimitWaitUntil: _, ...rest } = state;
  const status = result.stopped ? "stopped" : result.canceled ? "canceled" : "done";
  return { ...rest, status, finishedAt: now };
}

/**
 * After a reload nothing is sending any more: requests that were on the wire may have been applied
 * (unknown, to reconcile); requests that never left, or were refused and waiting, were not (not sent).
 */
export function interruptSubmission(state: SubmissionState, now: number): SubmissionState {
  if (state.status !== "running") return state;
  let next: SubmissionState = { ...state };
  for (const request of state.requests) {
    if (request.phase === "sending") {
      next = updateRequest(next, request.id, (r) => ({
        ...r,
        phase: "unknown",
        note: { code: "pageClosedRequest" },
      }));
      next = setRowsOf(next, request.id, "unknown", (row) => row.outcome === "pending", {
        category: "UNKNOWN_OUTCOME",
        message: { code: "pageClosedRow" },
      });
    } else if (request.phase === "queued" || request.phase === "waiting") {
      next = updateRequest(next, request.id, (r) => ({ ...r, phase: "not-sent" }));
      next = setRowsOf(next, request.id, "not-sent", (row) => row.outcome === "pending");
    }
  }
  const { rateLimitWaitUntil: _, ...rest } = next;
  const phases = rest.phases ? interruptPhases(rest.phases) : undefined;
  return { ...rest, ...(phases ? { phases } : {}), status: "interrupted", finishedAt: now };
}

/** Records requests of a later phase (line items, publish, read-back, undo): rows keep their outcome. */
export function addPhaseRequests(
  state: SubmissionState,
  records: readonly { id: string; kind: RequestKind; rowIndexes: number[] }[],
): SubmissionState {
  const added: RequestRecord[] = records.map((r) => ({
    id: r.id,
    kind: r.kind,
    rowIndexes: r.rowIndexes,
    phase: "queued",
    attempts: 0,
    tries: [],
    waits: [],
  }));
  return { ...state, requests: [...state.requests, ...added] };
}

/**
 * A line-item request may have been on the wire when the page closed: every line still to send of a quote
 * that is in HubSpot is read back before it is sent (never a second copy).
 */
function interruptPhases(phases: PhaseState): PhaseState {
  const progress = phases.progress.map((p) => {
    if (p.quote.state !== "done" && p.quote.state !== "exists") return p;
    const lines = Object.fromEntries(
      Object.entries(p.lines).map(([id, line]) => [
        id,
        line.state === "todo" ? { state: "unknown" as const } : line,
      ]),
    );
    return { ...p, lines };
  });
  return { ...phases, progress };
}

/** Adds requests that resend some rows (retry after edits, or rows reconcile found missing). */
export function addRequests(state: SubmissionState, groups: readonly QueueRequest[]): SubmissionState {
  const indexOf = new Map(state.rows.map((row, index) => [row.rowId, index]));
  const rows = state.rows.slice();
  const records: RequestRecord[] = groups.map((group) => {
    const rowIndexes = group.rowIds.map((id) => indexOf.get(id)).filter((i): i is number => i !== undefined);
    for (const index of rowIndexes) {
      const { hubspotId: _h, error: _e, ...rest } = rows[index]!;
      rows[index] = { ...rest, outcome: "pending", requestId: group.id };
    }
    return { id: group.id, rowIndexes, phase: "queued", attempts: 0, tries: [], waits: [] };
  });
  const { finishedAt: _f, stopReason: _s, ...rest } = state;
  return { ...rest, status: "running", rows, requests: [...state.requests, ...records] };
}

/** What is known of a row after the fact: its outcome, HubSpot's id, and how a lost answer was found. */
export interface RowMark {
  outcome: RowOutcome;
  hubspotId?: string;
  settledBy?: RowResult["settledBy"];
}

/** Rows a person marks after checking HubSpot themselves, or that `batch/read` found. */
export function markRows(state: SubmissionState, updates: ReadonlyMap<RowId, RowMark>): SubmissionState {
  const rows = state.rows.map((row) => {
    const update = updates.get(row.rowId);
    if (!update) return row;
    const { hubspotId: _h, error: _e, settledBy: _s, ...rest } = row;
    return {
      ...rest,
      outcome: update.outcome,
      ...(update.hubspotId ? { hubspotId: update.hubspotId } : {}),
      ...(update.settledBy ? { settledBy: update.settledBy } : {}),
    };
  });
  return { ...state, rows };
}

function updateRequest(
  state: SubmissionState,
  id: string,
  change: (r: RequestRecord) => RequestRecord,
): SubmissionState {
  const index = state.requests.findIndex((r) => r.id === id);
  if (index < 0) return state;
  const requests = state.requests.slice();
  requests[index] = change(requests[index]!);
  return { ...state, requests };
}

function setRowsOf(
  state: SubmissionState,
  requestId: string,
  outcome: RowOutcome,
  when: (row: RowResult) => boolean,
  error?: RowResult["error"],
): SubmissionState {
  const request = state.requests.find((r) => r.id === requestId);
  if (!request) return state;
  const rows = state.rows.slice();
  for (const index of request.rowIndexes) {
    const row = rows[index]!;
    if (row.requestId === requestId && when(row))
      rows[index] = error ? { ...row, outcome, error } : { ...row, outcome };
  }
  return { ...state, rows };
}

/** Closes the last attempt with the time (and status, if any) of its answer. */
function answered(tries: RequestRecord["tries"], at: number, httpStatus?: number): RequestRecord["tries"] {
  const last = tries.at(-1);
  if (!last || last.answeredAt !== undefined) return tries;
  return [
    ...tries.slice(0, -1),
    httpStatus === undefined ? { ...last, answeredAt: at } : { ...last, answeredAt: at, httpStatus },
  ];
}
