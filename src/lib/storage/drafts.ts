import { createStore, del, get, set, type UseStore } from "idb-keyval";
import { z } from "zod";
import {
  decodeDraft,
  type EncodedRows,
  encodeRows,
  type StoredDraft,
  type StoredRow,
} from "./draft-encoding.ts";

export const DraftMeta = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
  rowCount: z.number().int().nonnegative(),
});
export type DraftMeta = z.infer<typeof DraftMeta>;

const DraftIndex = z.object({ currentId: z.string().nullable(), drafts: z.array(DraftMeta) });
type DraftIndex = z.infer<typeof DraftIndex>;

const INDEX_KEY = "index";
const rowsKey = (id: string) => `rows:${id}`;

export interface DraftStorageOptions {
  /** An idb-keyval store; the app's own database by default (not idb-keyval's shared default). */
  store?: UseStore;
  now?: () => number;
  newId?: () => string;
}

function isEncoded(rows: readonly StoredRow[] | EncodedRows): rows is EncodedRows {
  return "slices" in rows;
}

/** Names the app gave untitled drafts before they were words in the user's language: read as untitled. */
const LEGACY_UNTITLED = /^Untitled batch(?: \d+)?$/;

/**
 * How to call a draft: its name, or "Untitled batch 2" in the user's language, numbered by when it was
 * made among the drafts there are (an untitled draft stores no name, so the words follow the language).
 */
export function draftTitle(
  draft: DraftMeta,
  drafts: readonly DraftMeta[],
): { name: string } | { untitled: number } {
  if (draft.name !== "") return { name: draft.name };
  const before = drafts.filter(
    (other) =>
      other.createdAt < draft.createdAt || (other.createdAt === draft.createdAt && other.id < draft.id),
  );
  return { untitled: before.length + 1 };
}

/**
 * Named drafts of the batch in IndexedDB: an index (names, row counts, which one is current) and the
 * rows of each draft under their own key, so listing drafts never reads 50,000 rows.
 */
export class DraftStorage {
  private readonly store: UseStore;
  private readonly now: () => number;
  private readonly newId: () => string;
  /** Index updates are read-modify-write: run them one at a time so two tabs' worth of clicks never clash. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(options: DraftStorageOptions = {}) {
    this.store = options.store ?? createStore("quote-batch-composer", "drafts");
    this.now = options.now ?? Date.now;
    this.newId = options.newId ?? (() => globalThis.crypto.randomUUID());
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async readIndex(): Promise<DraftIndex> {
    const parsed = DraftIndex.safeParse(await get(INDEX_KEY, this.store));
    if (!parsed.success) return { currentId: null, drafts: [] };
    const drafts = parsed.data.drafts.map((draft) =>
      LEGACY_UNTITLED.test(draft.name) ? { ...draft, name: "" } : draft,
    );
    return { ...parsed.data, drafts };
  }

  private writeIndex(index: DraftIndex): Promise<void> {
    return set(INDEX_KEY, index, this.store);
  }

  /** Drafts, most recently changed first. */
  list(): Promise<DraftMeta[]> {
    return this.serial(async () =>
      [...(await this.readIndex()).drafts].sort((a, b) => b.updatedAt - a.updatedAt),
    );
  }

  current(): Promise<DraftMeta | undefined> {
    return this.serial(async () => {
      const index = await this.readIndex();
      return index.drafts.find((draft) => draft.id === index.currentId);
    });
  }

  /** A new empty draft, which becomes the current one; without a name it is untitled (see `draftTitle`). */
  create(name?: string): Promise<DraftMeta> {
    return this.serial(async () => {
      const index = await this.readIndex();
      const at = this.now();
      const draft: DraftMeta = {
        id: this.newId(),
        name: name?.trim() ?? "",
        createdAt: at,
        updatedAt: at,
        rowCount: 0,
      };
      await this.writeIndex({ currentId: draft.id, drafts: [...index.drafts, draft] });
      return draft;
    });
  }

  setCurrent(id: string): Promise<void> {
    return this.serial(async () => {
      const index = await this.readIndex();
      if (!index.drafts.some((draft) => draft.id === id)) throw new Error(`No draft with id ${id}`);
      await this.writeIndex({ ...index, currentId: id });
    });
  }

  rename(id: string, name: string): Promise<void> {
    return this.serial(async () => {
      const index = await this.readIndex();
      const trimmed = name.trim();
      if (trimmed === "") return;
      const drafts = index.drafts.map((draft) => (draft.id === id ? { ...draft, name: trimmed } : draft));
      await this.writeIndex({ ...index, drafts });
    });
  }

  /** Deletes a draft; if it was current, the most recently changed other one becomes current (or none). */
  remove(id: string): Promise<void> {
    return this.serial(async () => {
      const index = await this.readIndex();
      const drafts = index.drafts.filter((draft) => draft.id !== id);
      const next = [...drafts].sort((a, b) => b.updatedAt - a.updatedAt)[0];
      const currentId = index.currentId === id ? (next?.id ?? null) : index.currentId;
      await del(rowsKey(id), this.store);
      await this.writeIndex({ currentId, drafts });
    });
  }

  /** Stores the rows of a draft (already encoded, or encoded here without yielding). */
  save(id: string, rows: readonly StoredRow[] | EncodedRows): Promise<void> {
    return this.serial(async () => {
      const encoded = isEncoded(rows) ? rows : await encodeRows(rows);
      await set(rowsKey(id), encoded, this.store);
      const index = await this.readIndex();
      const drafts = index.drafts.map((draft) =>
        draft.id === id ? { ...draft, updatedAt: this.now(), rowCount: encoded.ids.length } : draft,
      );
      await this.writeIndex({ ...index, drafts });
    });
  }

  async load(id: string): Promise<StoredRow[]> {
    return (await this.loadDraft(id)).rows;
  }

  /** A draft's rows (with their line items) and its batch defaults, if it has any saved. */
  async loadDraft(id: string): Promise<StoredDraft> {
    return decodeDraft(await get(rowsKey(id), this.store));
  }
}
