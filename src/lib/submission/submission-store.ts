import type { BatchRow, RowId } from "../../domain/batch/row.ts";
import { chunk } from "../../domain/submission/chunk.ts";
import { type PriorQuote, priorQuotes } from "../../domain/submission/prior-quotes.ts";
import { type QueueHandle, runQueue } from "../../domain/submission/queue.ts";
import { hasLaterPhases, incompleteQuotes, retryIncomplete } from "../../domain/submission/quote-phases.ts";
import {
  type ManualCheck,
  manualCheck,
  reconcileFindings,
  reconcileReadRequests,
  unknownRows,
} from "../../domain/submission/reconcile.ts";
import type { SendResult } from "../../domain/submission/send-result.ts";
import { type SerialiseOptions, serialiseRow } from "../../domain/submission/serialise.ts";
import {
  addRequests,
  applyQueueEvent,
  type CreateSubmissionInput,
  createSubmission,
  finishSubmission,
  interruptSubmission,
  markRows,
  type RowMark,
} from "../../domain/submission/state.ts";
import { summarise } from "../../domain/submission/summary.ts";
import type { QueueRequest, RowOutcome, StopReason, SubmissionState } from "../../domain/submission/types.ts";
import type { BatchResponse } from "../../hubspot/batch-create.ts";
import type { BatchReadRequest } from "../../hubspot/batch-read.ts";
import { type Clock, systemClock } from "../../platform/clock.ts";
import { ApiError } from "../api/api-error.ts";
import type { ServerReconcile } from "../api/reconcile-submission.ts";
import type { SubmissionStorage } from "../storage/submissions.ts";
import { type PhaseRun, runPhases, runUndo } from "./phase-runner.ts";

/** The I/O a run needs: one batch/create attempt (quotes or line items), any other HubSpot POST, a health probe. */
export interface SubmissionRunner {
  send: (submissionId: string, request: QueueRequest, signal: AbortSignal) => Promise<SendResult>;
  /** Publish, read back, reconcile line items, archive: without it only the quote phase runs. */
  call?: (
    submissionId: string,
    requestId: string,
    path: string,
    body: unknown,
    signal: AbortSignal,
  ) => Promise<SendResult>;
  probe?: () => Promise<boolean>;
  read?: (request: BatchReadRequest) => Promise<BatchResponse>;
  /** The server's reconcile (journal + HubSpot by unique key); without it, this browser reconciles alone. */
  reconcileOnServer?: (submissionId: string) => Promise<ServerReconcile>;
}

/** What a reconcile came to; `notHere`: not in HubSpot and not in this browser's batch, so not sent again. */
export interface ReconcileSummary {
  found: number;
  resent: number;
  notHere: number;
}

export interface SubmissionSnapshot {
  /** The submission on screen: the running one, the last one, or one re-opened from history. */
  current: SubmissionState | undefined;
  running: boolean;
  /**
   * A started submission has not settled yet: it runs, or right after its run the rows whose answer was lost
   * are looked up by their key (`settleUnknowns`). The page treats it as running all along, so "finished"
   * never shows between the two.
   */
  settling: boolean;
  /** Bumps whenever the history list changed on disk. */
  historyVersion: number;
}

export interface StoreOptions {
  storage?: SubmissionStorage;
  clock?: Clock;
  concurrency?: number;
  /** How often a running submission is written to IndexedDB. */
  persistEveryMs?: number;
  newId?: () => string;
}

type Listener = () => void;

const NOTIFY_EVERY_MS = 100;
/** Reconciles after a run, at most (each resend can meet a fault again; 5 % faults settle in 1–2). */
const SETTLE_ROUNDS = 4;

/**
 * The one submission state the app shares: the submit dialog starts runs here, the progress panel, the
 * Results tab, the History tab and the composer grid read it (`useSyncExternalStore`). Framework-free;
 * the queue runs here so a run survives switching tabs.
 */
export class SubmissionStore {
  private snapshot: SubmissionSnapshot = {
    current: undefined,
    running: false,
    settling: false,
    historyVersion: 0,
  };
  private readonly listeners = new Set<Listener>();
  private handle: QueueHandle | undefined;
  private phasesAbort: AbortController | undefined;
  private persistTimer: ReturnType<typeof setTimeout> | undefined;
  private restoring: Promise<void> | undefined;
  readonly clock: Clock;
  readonly concurrency: number;

  constructor(private readonly options: StoreOptions = {}) {
    this.clock = options.clock ?? systemClock;
    this.concurrency = options.concurrency ?? 6;
  }

  getSnapshot = (): SubmissionSnapshot => this.snapshot;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    void this.restore();
    return () => {
      this.listeners.delete(listener);
    };
  };

  get storage(): SubmissionStorage | undefined {
    return this.options.storage;
  }

  private set(next: Partial<SubmissionSnapshot>, urgent = true): void {
    this.snapshot = { ...this.snapshot, ...next };
    if (urgent) this.notify();
    else this.notifySoon();
  }

  private notifyTimer: ReturnType<typeof setTimeout> | undefined;

  private notify(): void {
    if (this.notifyTimer !== undefined) clearTimeout(this.notifyTimer);
    this.notifyTimer = undefined;
    for (const listener of this.listeners) listener();
  }

  /**
   * Queue events arrive ~1,000 times in a 30,000-row run; the Results tab (kept mounted) re-sorts every row
   * on each change, so renders are coalesced to ten a second.
   */
  private notifySoon(): void {
    this.notifyTimer ??= setTimeout(() => this.notify(), NOTIFY_EVERY_MS);
  }

  private setState(state: SubmissionState, urgent = true): void {
    this.set({ current: state }, urgent);
    this.schedulePersist();
  }

  /** After a reload: show the latest submission; one that was running is interrupted (nothing sends any more). */
  restore(): Promise<void> {
    this.restoring ??= (async () => {
      const storage = this.options.storage;
      if (!storage || this.snapshot.current) return;
      try {
        const latest = (await storage.list())[0];
        const state = latest ? await storage.load(latest.id) : undefined;
        if (!state || this.snapshot.current) return;
        const shown = interruptSubmission(state, this.clock.now());
        this.set({ current: shown });
        if (shown !== state) await this.persistNow();
      } catch {
        // No IndexedDB (private mode, tests): history is simply empty.
      }
    })();
    return this.restoring;
  }

  /** Shows a submission (a test fixture, or one just loaded) without running anything. */
  show(state: SubmissionState): void {
    if (!this.snapshot.running) this.set({ current: state });
  }

  /** Re-opens a past submission from history (read-only while another one runs). */
  async open(id: string): Promise<boolean> {
    if (this.snapshot.running) return false;
    const state = await this.options.storage?.load(id);
    if (!state) return false;
    this.set({ current: interruptSubmission(state, this.clock.now()) });
    return true;
  }

  start(
    input: Omit<CreateSubmissionInput, "id" | "now"> & { id?: string },
    runner: SubmissionRunner,
  ): Promise<SubmissionState> {
    if (this.snapshot.running) return Promise.reject(new Error("A submission is already running."));
    const id = input.id ?? this.options.newId?.() ?? globalThis.crypto.randomUUID();
    const { state, requests } = createSubmission({ ...input, id, now: this.clock.now() });
    this.setState(state);
    this.set({ settling: true });
    const rowsById = new Map(input.rows.map(({ row }) => [row.id, row]));
    return this.run(requests, runner).then(
      () => this.settleUnknowns(rowsById, input.serialise ?? {}, runner),
      (error: unknown) => {
        this.set({ settling: false });
        throw error;
      },
    );
  }

  /**
   * What "Reconcile" would do, without asking, when it is safe: rows whose answer was lost are looked up in
   * HubSpot by their stamped key (a read), only what HubSpot does not have is sent again, and the quotes
   * found go on to their line items, publishing and read-back. A few rounds, as faults can strike the second
   * attempt too; it stops at a stop reason or a cancel. Without a stamped key the person checks in HubSpot
   * (the Results page says how); what HubSpot refused stays for the person to fix ("Finish", "Retry").
   */
  private async settleUnknowns(
    rowsById: ReadonlyMap<RowId, BatchRow>,
    serialise: SerialiseOptions,
    runner: SubmissionRunner,
  ): Promise<SubmissionState> {
    const before = this.snapshot.current!;
    try {
      for (let round = 0; round < SETTLE_ROUNDS; round++) {
        const state = this.snapshot.current;
        if (!state || state.id !== before.id || state.stopReason || state.status === "canceled") break;
        if (!state.uniqueProperty || !runner.read || unknownRows(state).length === 0) break;
        await this.reconcile(rowsById, serialise, runner);
      }
    } catch {
      // HubSpot or the server could not be asked: the rows stay as they are, with Reconcile and Finish.
    } finally {
      this.set({ settling: false });
    }
    return this.snapshot.current ?? before;
  }

  cancel(): void {
    this.handle?.cancel();
    this.phasesAbort?.abort();
  }

  /** Undo: archives the quotes the submission on screen created (their line items go with them). */
  async undo(runner: SubmissionRunner, by?: string): Promise<SubmissionState> {
    const state = this.snapshot.current;
    const call = runner.call;
    if (!state || !call) throw new Error("There is no submission to undo.");
    if (this.snapshot.running) throw new Error("A submission is already running.");
    const submissionId = state.id;
    this.set({ running: true });
    try {
      return await runUndo(this.phaseRun(submissionId, runner, call, new AbortController().signal), by);
    } finally {
      this.set({ running: false });
      await this.persistNow();
    }
  }

  /**
   * Finishes the quotes of the submission on screen whose line items, publishing or read-back failed or
   * are unknown: only the missing part is sent (unknown lines are read back first).
   */
  finishIncomplete(runner: SubmissionRunner): Promise<SubmissionState> {
    const state = this.snapshot.current;
    if (!state?.phases) return Promise.reject(new Error("This submission has no line items to finish."));
    if (this.snapshot.running) return Promise.reject(new Error("A submission is already running."));
    const { finishedAt: _f, stopReason: _s, ...rest } = state;
    this.setState({ ...rest, status: "running", phases: retryIncomplete(state.phases) });
    this.set({ running: true });
    return this.afterQuotes({ canceled: false }, runner);
  }

  /** Sends some rows again as new requests of the current submission (retry after edits, reconcile). */
  resend(
    rowIds: readonly RowId[],
    rowsById: ReadonlyMap<RowId, BatchRow>,
    serialise: SerialiseOptions,
    runner: SubmissionRunner,
  ): Promise<SubmissionState> {
    const state = this.snapshot.current;
    if (!state) return Promise.reject(new Error("There is no submission to resend rows of."));
    if (this.snapshot.running) return Promise.reject(new Error("A submission is already running."));
    const stored = new Map(state.rows.map((row) => [row.rowId, row]));
    // Rows whose earlier attempt may have been applied: a unique-key conflict on them is our own quote.
    const maybeCreated = new Set(rowIds.filter((id) => stored.get(id)?.outcome === "unknown"));
    const gone: RowId[] = [];
    const items: { rowId: RowId; input: QueueRequest["inputs"][number] }[] = [];
    for (const rowId of rowIds) {
      const row = rowsById.get(rowId);
      if (!row) {
        gone.push(rowId);
        continue;
      }
      const property = state.uniqueProperty;
      // A resent row keeps its stamped value, so HubSpot refuses a second copy of a quote it already has.
      const stamp = property
        ? { propertyName: property, valueFor: () => stored.get(rowId)?.uniqueValue ?? row.id }
        : undefined;
      items.push({ rowId, input: serialiseRow(row, stamp ? { ...serialise, stamp } : serialise).input });
    }
    let next = state;
    if (gone.length > 0) {
      const marks = new Map(gone.map((id) => [id, { outcome: "not-sent" as RowOutcome }]));
      next = markRows(next, marks);
    }
    const requests: QueueRequest[] = chunk(items).map((group, n) => ({
      id: `${state.id}-r${state.requests.length + n + 1}`,
      rowIds: group.map((g) => g.rowId),
      inputs: group.map((g) => g.input),
    }));
    if (requests.length === 0) {
      if (hasLaterPhases(next.phases) && runner.call) {
        // Every quote is accounted for (reconcile found them): their line items may still be missing.
        const { finishedAt: _f, stopReason: _s, ...rest } = next;
        this.setState({ ...rest, status: "running" });
        this.set({ running: true });
        return this.afterQuotes({ canceled: false }, runner);
      }
      this.setState(next);
      return Promise.resolve(next);
    }
    this.setState(addRequests(next, requests));
    return this.run(requests, runner, maybeCreated);
  }

  /**
   * Unknown rows: with a stamped unique property, `batch/read` finds which exist (→ created) and only the
   * others are sent again. Without one, returns what the person must check in HubSpot.
   */
  async reconcile(
    rowsById: ReadonlyMap<RowId, BatchRow>,
    serialise: SerialiseOptions,
    runner: SubmissionRunner,
  ): Promise<ManualCheck | ReconcileSummary> {
    const state = this.snapshot.current;
    if (!state) throw new Error("There is no submission to reconcile.");
    if (runner.reconcileOnServer) {
      const settled = await this.reconcileOnServer(state, runner.reconcileOnServer);
      if (settled) {
        // Rows HubSpot does not have go again if this browser's batch still holds them (a fresh browser
        // may not: they stay "not sent", to send from their draft).
        const here = settled.missing.filter((rowId) => rowsById.has(rowId));
        if (here.length > 0 || this.foundNeedLaterPhases())
          await this.resend(here, rowsById, serialise, runner);
        const check = settled.unverifiable.length > 0 ? manualCheck(settled.state) : undefined;
        if (check) return check;
        return {
          found: settled.found + settled.fromJournal,
          resent: here.length,
          notHere: settled.missing.length - here.length,
        };
      }
    }
    const property = state.uniqueProperty;
    if (!property || !runner.read) {
      const check = manualCheck(state);
      if (!check) return { found: 0, resent: 0, notHere: 0 };
      return check;
    }
    const rows = unknownRows(state);
    const results: BatchResponse["results"] = [];
    for (const request of reconcileReadRequests(rows, property))
      results.push(...(await runner.read(request)).results);
    const findings = reconcileFindings(rows, property, results);
    const marks = new Map<RowId, RowMark>();
    for (const [rowId, hubspotId] of findings.found)
      marks.set(rowId, { outcome: "created", hubspotId, settledBy: "key" });
    await this.settle(markRows(this.snapshot.current ?? state, marks));
    if (findings.missing.length > 0 || this.foundNeedLaterPhases())
      await this.resend(findings.missing, rowsById, serialise, runner);
    return { found: findings.found.size, resent: findings.missing.length, notHere: 0 };
  }

  /** Quotes reconcile found whose line items, publishing or read-back are still to do: they go on now. */
  private foundNeedLaterPhases(): boolean {
    const state = this.snapshot.current;
    return state !== undefined && incompleteQuotes(state).length > 0;
  }

  /**
   * The server's reconcile of the submission on screen, once the server has its latest state; `undefined`
   * when the server does not know it (it was never recorded there), and this browser reconciles alone.
   */
  private async reconcileOnServer(
    state: SubmissionState,
    reconcile: NonNullable<SubmissionRunner["reconcileOnServer"]>,
  ): Promise<ServerReconcile | undefined> {
    await this.persistNow();
    let settled: ServerReconcile;
    try {
      settled = await reconcile(state.id);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return undefined;
      throw error;
    }
    if (this.snapshot.current?.id === state.id) await this.settle(settled.state);
    return settled;
  }

  /**
   * A verdict about rows (reconcile's, the server's, a person's): shown and saved before it is reported, so a
   * reload right after never shows the rows unknown again (the periodic save is up to a second away).
   */
  private async settle(next: SubmissionState): Promise<void> {
    this.setState(next);
    await this.persistNow();
  }

  /** Rows past submissions (this browser's history and the one on screen) already made a quote for. */
  async priorQuotes(): Promise<Map<RowId, PriorQuote>> {
    const states: SubmissionState[] = [];
    const storage = this.options.storage;
    if (storage) {
      try {
        for (const meta of await storage.list()) {
          const state = await storage.load(meta.id);
          if (state) states.push(state);
        }
      } catch {
        // No IndexedDB: only the submission in memory is known.
      }
    }
    const current = this.snapshot.current;
    if (current && !states.some((s) => s.id === current.id)) states.push(current);
    return priorQuotes(states.map((s) => (s.id === current?.id ? current : s)));
  }

  /** A person checked HubSpot: these rows were (or were not) created. */
  mark(updates: ReadonlyMap<RowId, RowMark>): void {
    const state = this.snapshot.current;
    if (!state) return;
    void this.settle(markRows(state, updates));
  }

  private run(
    requests: QueueRequest[],
    runner: SubmissionRunner,
    maybeCreated: ReadonlySet<RowId> = new Set(),
  ): Promise<SubmissionState> {
    const state = this.snapshot.current!;
    const numbers = new Map(state.rows.map((row) => [row.rowId, row.rowNumber]));
    const submissionId = state.id;
    this.handle = runQueue({
      requests,
      send: (request, signal) => runner.send(submissionId, request, signal),
      probe: runner.probe,
      clock: this.clock,
      concurrency: this.concurrency,
      rateLimit: state.rateLimit,
      uniqueProperty: state.uniqueProperty,
      maybeCreated,
      rowNumberOf: (rowId) => numbers.get(rowId),
      onEvent: (event) => {
        const current = this.snapshot.current;
        if (current?.id === submissionId) this.setState(applyQueueEvent(current, event), false);
      },
    });
    this.set({ running: true });
    return this.handle.done.then((result) => {
      this.handle = undefined;
      return this.afterQuotes(result, runner);
    });
  }

  /**
   * What the phase runner works on: this submission's state (a write is dropped once another submission is
   * on screen) and its I/O, addressed to this submission.
   */
  private phaseRun(
    submissionId: string,
    runner: SubmissionRunner,
    call: NonNullable<SubmissionRunner["call"]>,
    signal: AbortSignal,
  ): PhaseRun {
    return {
      get: () => this.snapshot.current!,
      set: (next) => {
        if (this.snapshot.current?.id === submissionId) this.setState(next, false);
      },
      io: {
        send: (request, requestSignal) => runner.send(submissionId, request, requestSignal),
        call: (requestId, path, body, requestSignal) =>
          call(submissionId, requestId, path, body, requestSignal),
      },
      clock: this.clock,
      concurrency: this.concurrency,
      signal,
    };
  }

  /** The phases after the quotes (line items, publish, read back), then the submission is finished. */
  private async afterQuotes(
    result: { canceled: boolean; stopped?: StopReason },
    runner: SubmissionRunner,
  ): Promise<SubmissionState> {
    let outcome = result;
    const state = this.snapshot.current!;
    const call = runner.call;
    if (!result.canceled && !result.stopped && call && hasLaterPhases(state.phases)) {
      const submissionId = state.id;
      this.phasesAbort = new AbortController();
      outcome = await runPhases(this.phaseRun(submissionId, runner, call, this.phasesAbort.signal));
      this.phasesAbort = undefined;
    }
    const finished = finishSubmission(this.snapshot.current!, outcome, this.clock.now());
    this.set({ current: finished, running: false });
    await this.persistNow();
    return finished;
  }

  private schedulePersist(): void {
    if (!this.options.storage || this.persistTimer !== undefined) return;
    this.persistTimer = setTimeout(() => {
      this.persistTimer = undefined;
      void this.persistNow();
    }, this.options.persistEveryMs ?? 1000);
  }

  async persistNow(): Promise<void> {
    const state = this.snapshot.current;
    const storage = this.options.storage;
    if (!state || !storage) return;
    const summary = summarise(state);
    try {
      await storage.save(state, {
        id: state.id,
        createdAt: state.createdAt,
        ...(state.startedAt === undefined ? {} : { startedAt: state.startedAt }),
        ...(state.finishedAt === undefined ? {} : { finishedAt: state.finishedAt }),
        status: state.status,
        environment: state.environment,
        counts: summary.counts,
        total: summary.total,
      });
      this.set({ historyVersion: this.snapshot.historyVersion + 1 });
    } catch {
      // Storage full or unavailable: the submission still runs; only the history misses it.
    }
  }
}
