import { z } from "zod";
import type { LineId, RowId } from "../../domain/batch/row.ts";
import { signedOutAnswer } from "../../domain/submission/classify.ts";
import {
  applyResult,
  type LineProgress,
  lineOutcomes,
  nextRequests,
  type PhaseRequest,
  type PhaseState,
  type QuoteProgress,
  type StepError,
} from "../../domain/submission/phases.ts";
import { runQueue } from "../../domain/submission/queue.ts";
import {
  lineCreateInput,
  lineIdsOfQuotes,
  lineKeysBody,
  matchLines,
  publishBody,
  publishOutcomes,
  quoteLinesBody,
  readBackBody,
  readBackOutcomes,
  syncQuotes,
  undoPlan,
} from "../../domain/submission/quote-phases.ts";
import type { SendResult } from "../../domain/submission/send-result.ts";
import { addPhaseRequests, applyQueueEvent } from "../../domain/submission/state.ts";
import {
  hubspotSaid,
  type StoredMessage,
  type SubmissionMessage,
} from "../../domain/submission/submission-message.ts";
import type {
  QueueEvent,
  QueueRequest,
  RequestKind,
  StopReason,
  SubmissionState,
  WaitReason,
} from "../../domain/submission/types.ts";
import { AssociationBatchReadResponse } from "../../hubspot/association-batch-read.ts";
import { BatchResponse } from "../../hubspot/batch-create.ts";
import { hubspotPaths } from "../../hubspot/endpoints.ts";
import { ApiErrorBody } from "../../hubspot/errors.ts";
import type { Clock } from "../../platform/clock.ts";

/** The I/O the later phases need: a line-item create (through the queue) and any other HubSpot POST. */
export interface PhaseIo {
  send: (request: QueueRequest, signal: AbortSignal) => Promise<SendResult>;
  call: (requestId: string, path: string, body: unknown, signal: AbortSignal) => Promise<SendResult>;
}

export interface PhaseRun {
  get: () => SubmissionState;
  set: (state: SubmissionState) => void;
  io: PhaseIo;
  clock: Clock;
  concurrency: number;
  signal: AbortSignal;
}

/** Rounds of the planner before giving up on what keeps coming back unknown (a publish, a read). */
const MAX_ROUNDS = 8;
const MAX_TRIES = 5;

/**
 * Runs the phases after the quote (decision 033) until the planner has nothing left to send: line items
 * through the submission queue (the create rules: never resent blindly, unknown ones reconciled by reading
 * the quote's line items), publishing and read-back as idempotent calls retried on 429/5xx. Every request is
 * recorded in the submission's request list with its kind.
 */
export async function runPhases(run: PhaseRun): Promise<{ canceled: boolean; stopped?: StopReason }> {
  let stopped: StopReason | undefined;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    if (run.signal.aborted) return { canceled: true };
    const state = run.get();
    if (!state.phases) break;
    const phases = unknownToTodo(syncQuotes(state.phases, state.rows));
    run.set({ ...state, phases });
    const requests = nextRequests(phases.plan, phases.progress).filter((r) => r.kind !== "create-quotes");
    if (requests.length === 0) break;
    const before = JSON.stringify(phases.progress);
    const lines = requests.filter((r) => r.kind === "create-lines");
    const calls = requests.filter((r) => r.kind !== "create-lines");
    let callStop: StopReason | undefined;
    const results = await Promise.all([
      lines.length > 0 ? createLines(run, lines) : Promise.resolve(undefined),
      pool(calls, run.concurrency, async (request) => {
        // Signed out: what is left waits for the person to sign in again (every call would be refused).
        if (callStop) return;
        callStop ??= await idempotentPhase(run, request);
      }),
    ]);
    stopped = results[0]?.stopped ?? callStop;
    if (stopped) {
      // The line-item queue recorded its own stop; a refused publish or read-back is recorded here.
      const current = run.get();
      if (!current.stopReason) run.set({ ...current, stopReason: stopped });
      return { canceled: false, stopped };
    }
    if (results[0]?.canceled) return { canceled: true };
    if (JSON.stringify(run.get().phases?.progress) === before) break;
  }
  return { canceled: run.signal.aborted };
}

/** A publish or read-back that came back unknown is simply asked again (both are idempotent). */
function unknownToTodo(phases: PhaseState): PhaseState {
  const progress = phases.progress.map(
    (p): QuoteProgress => ({
      ...p,
      publish: p.publish.state === "unknown" ? { state: "todo" } : p.publish,
      readBack: p.readBack.state === "unknown" ? { state: "todo" } : p.readBack,
    }),
  );
  return { ...phases, progress };
}

function setPhases(run: PhaseRun, change: (phases: PhaseState) => PhaseState): void {
  const state = run.get();
  if (state.phases) run.set({ ...state, phases: change(state.phases) });
}

/**
 * A submission's rows keep their order for its whole run: their positions are indexed once per phase run
 * (scanning 10,000 rows for each of 500 requests cost 0.9 s of main-thread time).
 */
const rowPositions = new WeakMap<PhaseRun, Map<RowId, number>>();

function rowIndexesOf(run: PhaseRun, rowIds: Iterable<RowId>): number[] {
  let positions = rowPositions.get(run);
  if (!positions) {
    positions = new Map(run.get().rows.map((row, index) => [row.rowId, index]));
    rowPositions.set(run, positions);
  }
  const out: number[] = [];
  for (const rowId of new Set(rowIds)) {
    const index = positions.get(rowId);
    if (index !== undefined) out.push(index);
  }
  return out.sort((a, b) => a - b);
}

let sequence = 0;
function newRequestId(state: SubmissionState, kind: RequestKind): string {
  sequence += 1;
  return `${state.id}-${kind}-${state.requests.length + 1}-${sequence}`;
}

async function createLines(
  run: PhaseRun,
  requests: Extract<PhaseRequest, { kind: "create-lines" }>[],
): Promise<{ canceled: boolean; stopped?: StopReason }> {
  let state = run.get();
  const rowOfLine = new Map(requests.flatMap((r) => r.lines.map((l) => [l.line.lineId, l.rowId] as const)));
  const queued: QueueRequest[] = [];
  const records: { id: string; kind: RequestKind; rowIndexes: number[] }[] = [];
  for (const request of requests) {
    const id = newRequestId(state, "lines");
    queued.push({
      id,
      target: "line_items",
      rowIds: request.lines.map((l) => l.line.lineId),
      inputs: request.lines.map((l) => lineCreateInput(l.line, l.quoteId)),
    });
    records.push({
      id,
      kind: "lines",
      rowIndexes: rowIndexesOf(
        run,
        request.lines.map((l) => l.rowId),
      ),
    });
  }
  state = addPhaseRequests(state, records);
  run.set(state);
  const handle = runQueue({
    requests: queued,
    send: run.io.send,
    clock: run.clock,
    concurrency: run.concurrency,
    rateLimit: state.rateLimit,
    ...(state.phases?.lineKey ? { uniqueProperty: state.phases.lineKey } : {}),
    onEvent: (event) => {
      run.set(applyQueueEvent(run.get(), event));
      if (event.type !== "settled") return;
      const outcomes: [RowId, LineId, LineProgress][] = [];
      for (const update of event.rows) {
        const rowId = rowOfLine.get(update.rowId);
        if (rowId === undefined) continue;
        if ((update.outcome === "created" || update.outcome === "exists") && update.hubspotId)
          outcomes.push([rowId, update.rowId, { state: "done", id: update.hubspotId }]);
        else if (update.outcome === "failed")
          outcomes.push([
            rowId,
            update.rowId,
            {
              state: "failed",
              error: update.error ?? { category: "ERROR", message: { code: "lineRefused" } },
            },
          ]);
        else if (update.outcome === "unknown") outcomes.push([rowId, update.rowId, { state: "unknown" }]);
      }
      setPhases(run, (phases) => ({
        ...phases,
        progress: applyResult(phases.progress, { kind: "lines", outcomes: lineOutcomes(outcomes) }),
      }));
    },
  });
  const onAbort = () => handle.cancel();
  run.signal.addEventListener("abort", onAbort, { once: true });
  const result = await handle.done;
  run.signal.removeEventListener("abort", onAbort);
  return result;
}

async function pool<T>(items: readonly T[], size: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await task(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, lane));
}

type CallOutcome<T> =
  | { ok: true; response: T }
  /** `stop`: the person's sign-in ended; nothing was sent and the step stays to do. */
  | { ok: false; unknown: boolean; error: StepError; stop?: StopReason };

const PHASE_PATHS = {
  publish: hubspotPaths.quotesBatchUpdate,
  "read-back": hubspotPaths.quotesBatchRead,
} as const;

/** One publish, read-back or line reconcile; a stop reason when the person turned out to be signed out. */
async function idempotentPhase(run: PhaseRun, request: PhaseRequest): Promise<StopReason | undefined> {
  const rows = "quotes" in request ? request.quotes : [];
  switch (request.kind) {
    case "publish": {
      const outcome = await call(run, "publish", rows, PHASE_PATHS.publish, publishBody(rows), BatchResponse);
      if (!outcome.ok && outcome.stop) return outcome.stop;
      const outcomes = outcome.ok
        ? publishOutcomes(rows, outcome.response)
        : new Map(
            rows.map((q) => [
              q.rowId,
              outcome.unknown
                ? { state: "unknown" as const }
                : { state: "failed" as const, error: outcome.error },
            ]),
          );
      setPhases(run, (p) => ({ ...p, progress: applyResult(p.progress, { kind: "publish", outcomes }) }));
      return undefined;
    }
    case "read-back": {
      const outcome = await call(
        run,
        "read-back",
        rows,
        PHASE_PATHS["read-back"],
        readBackBody(rows),
        BatchResponse,
      );
      if (!outcome.ok && outcome.stop) return outcome.stop;
      const outcomes = outcome.ok
        ? readBackOutcomes(rows, outcome.response)
        : new Map(
            rows.map((q) => [
              q.rowId,
              outcome.unknown ? { state: "unknown" as const } : { state: "failed" as const },
            ]),
          );
      setPhases(run, (p) => ({ ...p, progress: applyResult(p.progress, { kind: "read-back", outcomes }) }));
      return undefined;
    }
    case "reconcile-lines": {
      const lineKey = run.get().phases?.lineKey;
      const associations = await call(
        run,
        "reconcile-lines",
        rows,
        hubspotPaths.associationsBatchRead("quotes", "line_items"),
        quoteLinesBody(rows),
        AssociationBatchReadResponse,
      );
      if (!associations.ok) return associations.stop;
      const lineIdsByQuote = lineIdsOfQuotes(associations.response);
      const ids = [...new Set([...lineIdsByQuote.values()].flat())];
      const items: BatchResponse["results"] = [];
      for (let i = 0; i < ids.length; i += 100) {
        const read = await call(
          run,
          "reconcile-lines",
          rows,
          hubspotPaths.lineItemsBatchRead,
          lineKeysBody(ids.slice(i, i + 100), lineKey),
          BatchResponse,
        );
        if (!read.ok) return read.stop;
        items.push(...read.response.results);
      }
      const plan = run.get().phases?.plan ?? [];
      const found = matchLines(plan, rows, lineIdsByQuote, items, lineKey);
      setPhases(run, (p) => ({
        ...p,
        progress: applyResult(p.progress, { kind: "reconciled-lines", found }),
      }));
      return undefined;
    }
    default:
      return undefined;
  }
}

function retryAfterMs(result: Extract<SendResult, { kind: "answered" }>, fallback: number): number {
  const seconds = Number(result.headers.get("retry-after"));
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : fallback;
}

/** A step's error as this run writes it: a code (a StepError read back may hold older saves' text). */
interface NewStepError extends StepError {
  message: SubmissionMessage;
}

function errorOfBody(body: unknown, status: number): NewStepError {
  const parsed = ApiErrorBody.safeParse(body);
  return {
    category: parsed.success ? (parsed.data.category ?? `HTTP_${status}`) : `HTTP_${status}`,
    message: hubspotSaid(parsed.success ? parsed.data.message : undefined, { code: "answered", status }),
  };
}

/**
 * One idempotent HubSpot call (publish, read): resent on 429 (after Retry-After), 423 (after 2 s), 5xx and
 * no answer (backing off), recorded as a request of the submission.
 */
async function call<T>(
  run: PhaseRun,
  kind: RequestKind,
  rows: readonly { rowId: RowId }[],
  path: string,
  body: unknown,
  schema: z.ZodType<T>,
): Promise<CallOutcome<T>> {
  const id = newRequestId(run.get(), kind);
  run.set(
    addPhaseRequests(run.get(), [
      {
        id,
        kind,
        rowIndexes: rowIndexesOf(
          run,
          rows.map((r) => r.rowId),
        ),
      },
    ]),
  );
  const emit = (event: QueueEvent) => run.set(applyQueueEvent(run.get(), event));
  let backoff = 1000;
  for (let attempt = 1; attempt <= MAX_TRIES; attempt++) {
    if (run.signal.aborted) break;
    emit({ type: "sending", requestId: id, attempt, at: run.clock.now() });
    const result = await run.io.call(id, path, body, run.signal);
    const at = run.clock.now();
    let wait: { reason: WaitReason; ms: number; note: SubmissionMessage } | undefined;
    const signedOut = signedOutAnswer(result);
    if (signedOut) {
      const stop: StopReason = {
        kind: "signed-out",
        message: signedOut.message,
        ...(signedOut.signIn ? { signIn: signedOut.signIn } : {}),
      };
      emit({
        type: "settled",
        requestId: id,
        at,
        phase: "not-sent",
        httpStatus: 401,
        rows: [],
        note: signedOut.message,
      });
      return {
        ok: false,
        unknown: false,
        error: { category: "SIGNED_OUT", message: signedOut.message },
        stop,
      };
    }
    if (result.kind === "answered") {
      const { status } = result;
      if (status === 200 || status === 201 || status === 204 || status === 207) {
        const parsed = schema.safeParse(result.body);
        if (parsed.success) {
          emit({ type: "settled", requestId: id, at, phase: "complete", httpStatus: status, rows: [] });
          return { ok: true, response: parsed.data };
        }
        const error: NewStepError = { category: "CONTRACT", message: { code: "answerUnreadable" } };
        emit({
          type: "settled",
          requestId: id,
          at,
          phase: "failed",
          httpStatus: status,
          rows: [],
          note: error.message,
        });
        return { ok: false, unknown: false, error };
      }
      if (status === 429)
        wait = { reason: "rate-limit", ms: retryAfterMs(result, 10_000), note: { code: "answered", status } };
      else if (status === 423) wait = { reason: "locked", ms: 2_000, note: { code: "answered", status } };
      else if (status >= 500)
        wait = { reason: "not-applied", ms: backoff, note: { code: "answered", status } };
      else {
        const error = errorOfBody(result.body, status);
        emit({
          type: "settled",
          requestId: id,
          at,
          phase: "failed",
          httpStatus: status,
          rows: [],
          note: error.message,
        });
        return { ok: false, unknown: false, error };
      }
      emit({ type: "waiting", requestId: id, at, ...wait, httpStatus: status });
    } else {
      wait = { reason: "server-unreachable", ms: backoff, note: result.message };
      emit({ type: "waiting", requestId: id, at, ...wait });
    }
    backoff = Math.min(backoff * 2, 10_000);
    await run.clock.sleep(wait.ms, run.signal);
  }
  const message: SubmissionMessage = { code: "noUsableAnswer" };
  emit({ type: "settled", requestId: id, at: run.clock.now(), phase: "unknown", rows: [], note: message });
  return { ok: false, unknown: true, error: { category: "UNKNOWN_OUTCOME", message } };
}

/**
 * Undo: archives the quotes a submission created, ≤ 100 a request (their line items go with them).
 * Archiving is idempotent (HubSpot answers 204 for ids already gone), so an unknown answer is simply
 * asked again; the rows archived are marked, and the undo is recorded with who started it and when.
 */
export async function runUndo(run: PhaseRun, by: string | undefined): Promise<SubmissionState> {
  const { quotes, lineItems } = undoPlan(run.get());
  const startedAt = run.clock.now();
  const earlier = run.get().undo;
  // Resuming an undo a sign-out paused: the same undo goes on, counting what it archived before.
  const undo = earlier?.paused
    ? withoutPause(earlier)
    : { ...(by ? { by } : {}), startedAt, quotes: quotes.length, lineItems, archived: 0, failed: 0 };
  const archivedBefore = undo.archived;
  run.set({ ...run.get(), undo });
  const chunks: (typeof quotes)[] = [];
  for (let i = 0; i < quotes.length; i += 100) chunks.push(quotes.slice(i, i + 100));
  const archived = new Set<RowId>();
  let failed = 0;
  let message: StoredMessage | undefined;
  let stop: StopReason | undefined;
  await pool(chunks, run.concurrency, async (chunk) => {
    // Signed out: the rest waits for the person to sign in again (every archive would be refused).
    if (stop) return;
    const outcome = await call(
      run,
      "archive",
      chunk,
      hubspotPaths.quotesBatchArchive,
      { inputs: chunk.map((q) => ({ id: q.quoteId })) },
      z.unknown(),
    );
    if (outcome.ok) for (const q of chunk) archived.add(q.rowId);
    else if (outcome.stop) stop = outcome.stop;
    else {
      failed += chunk.length;
      message = outcome.error.message;
    }
    const state = run.get();
    run.set({
      ...state,
      rows: state.rows.map((row) => (archived.has(row.rowId) ? { ...row, archived: true } : row)),
      undo: {
        ...undo,
        archived: archivedBefore + archived.size,
        failed: undo.failed + failed,
        ...(message ? { message } : {}),
      },
    });
  });
  const state = run.get();
  const counts = { archived: archivedBefore + archived.size, failed: undo.failed + failed };
  const paused =
    stop?.kind === "signed-out"
      ? { at: run.clock.now(), ...(stop.signIn ? { signIn: stop.signIn } : {}) }
      : undefined;
  const ended = {
    ...state,
    undo: {
      ...undo,
      ...counts,
      ...(paused ? { paused } : { finishedAt: run.clock.now() }),
      ...(message ? { message } : {}),
    },
  };
  run.set(ended);
  return ended;
}

function withoutPause(undo: NonNullable<SubmissionState["undo"]>): NonNullable<SubmissionState["undo"]> {
  const { paused: _paused, ...rest } = undo;
  return rest;
}
