import { createStore, del, get, set, type UseStore } from "idb-keyval";
import { z } from "zod";
import { SubmissionEnvironment, SubmissionState } from "../../domain/submission/types.ts";
import { filterBrowserHistory, type HistoryFilter, type HistoryList } from "./history-list.ts";

/**
 * Past and current submissions in IndexedDB, in their own store. The index (small) lists them; each
 * submission's full state (rows and requests) lives under its own key and is parsed on the way in with the
 * domain's schema, the one declaration of its shape.
 */
export const SubmissionMeta = z.object({
  id: z.string(),
  createdAt: z.number(),
  startedAt: z.number().optional(),
  finishedAt: z.number().optional(),
  status: z.string(),
  /** Structured since session 4; older entries hold an English label, shown as saved. */
  environment: z.union([SubmissionEnvironment, z.string()]),
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
    const parsed = SubmissionState.safeParse(await get(stateKey(id), this.store));
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
