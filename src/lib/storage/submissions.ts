import { createStore, del, get, set, type UseStore } from "idb-keyval";
import { z } from "zod";
import type { SubmissionState } from "../../domain/submission/state.ts";
import { filterBrowserHistory, type HistoryFilter, type HistoryList } from "./history-list.ts";

/**
 * Past and current submissions in IndexedDB, in their own store. The index (small) lists them; each
 * submission's full state (rows and requests) lives under its own key and is parsed on the way in.
 */
const Outcome = z.enum(["pending", "created", "failed", "unknown", "canceled", "not-sent"]);
const RowError = z.object({ category: z.string(), message: z.string(), propertyName: z.string().optional() });
const RowResult = z.object({
  rowId: z.string(),
  rowNumber: z.number(),
  title: z.string(),
  outcome: Outcome,
  requestId: z.string().optional(),
  hubspotId: z.string().optional(),
  error: RowError.optional(),
  uniqueValue: z.string().optional(),
});
const RequestRecord = z.object({
  id: z.string(),
  rowIndexes: z.array(z.number().int()),
  phase: z.enum(["queued", "sending", "waiting", "complete", "failed", "unknown", "canceled", "not-sent"]),
  attempts: z.number().int(),
  waits: z.array(
    z.object({
      reason: z.enum(["rate-limit", "locked", "not-applied", "server-unreachable"]),
      ms: z.number(),
      at: z.number(),
    }),
  ),
  httpStatus: z.number().int().optional(),
  batchStatus: z.enum(["PENDING", "PROCESSING", "CANCELED", "COMPLETE"]).optional(),
  requestedAt: z.string().optional(),
  startedAt: z.string().optional(),
  completedAt: z.string().optional(),
  numErrors: z.number().int().optional(),
  sentAt: z.number().optional(),
  settledAt: z.number().optional(),
  note: z.string().optional(),
});
const StopReason = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("daily-limit"), message: z.string() }),
  z.object({
    kind: z.literal("auth"),
    status: z.union([z.literal(401), z.literal(403)]),
    message: z.string(),
  }),
  z.object({ kind: z.literal("server-unreachable"), message: z.string() }),
]);
export const StoredSubmission = z.object({
  id: z.string(),
  createdAt: z.number(),
  environment: z.object({
    kind: z.enum(["simulator", "hubspot"]),
    portalId: z.number().optional(),
    uiDomain: z.string().optional(),
    sandbox: z.boolean().optional(),
  }),
  rateLimit: z.object({ max: z.number(), intervalMs: z.number() }),
  uniqueProperty: z.string().optional(),
  status: z.enum(["running", "done", "stopped", "canceled", "interrupted"]),
  stopReason: StopReason.optional(),
  finishedAt: z.number().optional(),
  rows: z.array(RowResult),
  requests: z.array(RequestRecord),
  skipped: z.array(
    z.object({ rowId: z.string(), rowNumber: z.number(), title: z.string(), reason: z.string() }),
  ),
  rateLimitWaitUntil: z.number().optional(),
});

export const SubmissionMeta = z.object({
  id: z.string(),
  createdAt: z.number(),
  finishedAt: z.number().optional(),
  status: z.string(),
  environment: z.string(),
  counts: z.record(z.string(), z.number()),
  total: z.number(),
});
export type SubmissionMeta = z.infer<typeof SubmissionMeta>;
const Index = z.array(SubmissionMeta);

const INDEX_KEY = "index";
const stateKey = (id: string) => `submission:${id}`;
/** Older submissions beyond this are dropped so the database does not grow without end. */
const KEEP = 50;

export class SubmissionStorage {
  private readonly store: UseStore;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(store?: UseStore) {
    this.store = store ?? createStore("quote-batch-submissions", "submissions");
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  async list(): Promise<SubmissionMeta[]> {
    const parsed = Index.safeParse(await get(INDEX_KEY, this.store));
    return parsed.success ? parsed.data : [];
  }

  /** History from this browser's copy alone (no one else's, so nothing matches a person filter). */
  async listHistory(filter: HistoryFilter = {}): Promise<HistoryList> {
    const items = filter.user ? [] : filterBrowserHistory(await this.list(), filter);
    return { items, matched: items.length, people: [], source: "browser" };
  }

  async load(id: string): Promise<SubmissionState | undefined> {
    const parsed = StoredSubmission.safeParse(await get(stateKey(id), this.store));
    return parsed.success ? parsed.data : undefined;
  }

  save(state: SubmissionState, meta: SubmissionMeta): Promise<void> {
    return this.serial(async () => {
      await set(stateKey(state.id), state, this.store);
      const index = (await this.list()).filter((m) => m.id !== state.id);
      index.unshift(meta);
      index.sort((a, b) => b.createdAt - a.createdAt);
      for (const old of index.splice(KEEP)) await del(stateKey(old.id), this.store);
      await set(INDEX_KEY, index, this.store);
    });
  }

  remove(id: string): Promise<void> {
    return this.serial(async () => {
      await del(stateKey(id), this.store);
      await set(
        INDEX_KEY,
        (await this.list()).filter((m) => m.id !== id),
        this.store,
      );
    });
  }
}
