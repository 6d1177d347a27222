import type { BatchStore } from "../../domain/batch/batch-store.ts";
import { isEmptyRow } from "../../domain/batch/row.ts";
import { encodeRows, encodeRowsNow } from "./draft-encoding.ts";
import type { DraftMeta, DraftStorage } from "./drafts.ts";

export interface DraftState {
  status: "restoring" | "ready" | "error";
  current: DraftMeta | undefined;
  drafts: readonly DraftMeta[];
  lastSavedAt: number | undefined;
  saving: boolean;
  /** `save-failed`: the browser refused to store the batch (the UI says what to do). */
  error: "save-failed" | undefined;
}

/** Above this many rows, saves wait longer after the last change: encoding 50,000 rows is not free. */
const LARGE_BATCH = 5_000;
const SHORT_DELAY_MS = 300;
const LONG_DELAY_MS = 2_000;

const pauseForInput = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Keeps the batch in a BatchStore saved as the current named draft: restores it on start, saves after
 * every change (debounced), and flushes when the page is hidden or closed.
 */
export class DraftSession {
  private state: DraftState = {
    status: "restoring",
    current: undefined,
    drafts: [],
    lastSavedAt: undefined,
    saving: false,
    error: undefined,
  };
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private dirty = false;
  private started: Promise<void> | undefined;

  constructor(
    private readonly store: BatchStore,
    private readonly storage: DraftStorage,
  ) {}

  getState = (): DraftState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  private update(patch: Partial<DraftState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }

  /** Restores the current draft into the store (once), then autosaves. */
  start(): Promise<void> {
    this.started ??= this.restore();
    return this.started;
  }

  private async restore(): Promise<void> {
    let changedMeanwhile = false;
    try {
      let current = (await this.storage.current()) ?? (await this.storage.create());
      const { rows, defaults } = await this.storage.loadDraft(current.id);
      // Never overwrite what the user started typing (or imported) while the draft was being read, and never
      // let it overwrite the draft either: autosave would have replaced the saved rows with it. It becomes a
      // new draft; the saved one stays under Drafts.
      const untouched = this.store.rows.every(isEmptyRow) && !this.store.getSnapshot().canUndo;
      if (rows.length > 0 || defaults) {
        if (untouched) this.store.load(rows, defaults);
        else {
          current = await this.storage.create();
          changedMeanwhile = true;
        }
      }
      this.update({ status: "ready", current, drafts: await this.storage.list() });
    } catch {
      this.update({ status: "error", error: "save-failed" });
    }
    // Subscribed once for the store's lifetime (StrictMode mounts twice; start() is idempotent).
    this.store.subscribe(() => this.schedule());
    // The edits made before the subscription are saved too, into the new draft.
    if (changedMeanwhile) this.schedule();
  }

  /** The page is leaving (or the composer unmounts): write what is pending. The session stays attached. */
  stop(): void {
    this.flushNow();
  }

  private schedule(): void {
    this.dirty = true;
    if (this.timer) clearTimeout(this.timer);
    const delay = this.store.rows.length > LARGE_BATCH ? LONG_DELAY_MS : SHORT_DELAY_MS;
    this.timer = setTimeout(() => void this.save(), delay);
  }

  /** Saves now if anything changed; awaited before switching drafts. */
  async save(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const current = this.state.current;
    if (!this.dirty || !current) return;
    this.dirty = false;
    this.update({ saving: true });
    try {
      const encoded = await encodeRows(this.store.rows, pauseForInput, this.store.defaults);
      await this.storage.save(current.id, encoded);
      this.update({
        saving: false,
        lastSavedAt: Date.now(),
        error: undefined,
        drafts: await this.storage.list(),
      });
    } catch {
      this.dirty = true;
      this.update({ saving: false, error: "save-failed" });
    }
  }

  /** On `pagehide`: no time to yield, encode in one go and hand the write to IndexedDB before the page goes. */
  flushNow(): void {
    const current = this.state.current;
    if (!this.dirty || !current) return;
    if (this.timer) clearTimeout(this.timer);
    this.dirty = false;
    void this.storage.save(current.id, encodeRowsNow(this.store.rows, this.store.defaults)).catch(() => {
      this.dirty = true;
    });
  }

  async rename(name: string): Promise<void> {
    const current = this.state.current;
    if (!current || name.trim() === "") return;
    await this.storage.rename(current.id, name);
    const drafts = await this.storage.list();
    this.update({ drafts, current: drafts.find((draft) => draft.id === current.id) });
  }

  async switchTo(id: string): Promise<void> {
    await this.save();
    await this.storage.setCurrent(id);
    const { rows, defaults } = await this.storage.loadDraft(id);
    const drafts = await this.storage.list();
    this.update({ current: drafts.find((draft) => draft.id === id), drafts });
    this.store.load(rows, defaults);
    this.dirty = false;
  }

  /** Starts an empty batch; `keep` saves the current one as a draft first, otherwise it is deleted. */
  async newBatch({ keep }: { keep: boolean }): Promise<void> {
    const previous = this.state.current;
    if (keep) await this.save();
    else {
      if (this.timer) clearTimeout(this.timer);
      this.dirty = false;
      if (previous) await this.storage.remove(previous.id);
    }
    const current = await this.storage.create();
    this.update({ current, drafts: await this.storage.list() });
    this.store.load([]);
    this.dirty = false;
  }

  /** Deletes a draft; deleting the current one empties the batch into a fresh draft. */
  async remove(id: string): Promise<void> {
    if (id === this.state.current?.id) return this.newBatch({ keep: false });
    await this.storage.remove(id);
    this.update({ drafts: await this.storage.list() });
  }
}
