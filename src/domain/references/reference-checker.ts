import type { Clock } from "../../platform/clock.ts";
import type { BatchChange, BatchStore } from "../batch/batch-store.ts";
import { isAssociationColumnKey, parseAssociationColumnKey, splitRecordIds } from "../batch/columns.ts";
import type { BatchRow } from "../batch/row.ts";
import { LINE_KEYS } from "../lines/line-columns.ts";
import type { DealCurrencyOf, IsMissingRecord } from "../validation/cell-checks.ts";
import type { ValidationScheduler } from "../validation/validation-service.ts";
import type { ReferenceType } from "./reference-type.ts";

/** A record as a cell shows it: "Acme renewal (123)". */
export interface RecordName {
  id: string;
  name: string;
  detail?: string;
  /** A deal's `deal_currency_code`: the currency its quotes and their line items must be in. */
  currency?: string;
}

export interface ResolvedIds {
  found: ReadonlyMap<string, RecordName>;
  /** Ids HubSpot does not know. */
  missing: readonly string[];
}

export interface ReferenceCheckerOptions {
  /** One request for at most `batchSize` ids of one type (HubSpot's search `IN` filter takes 100). */
  resolve(type: ReferenceType, ids: readonly string[]): Promise<ResolvedIds>;
  clock: Clock;
  scheduler: ValidationScheduler;
  /**
   * Requests started per second. HubSpot allows 5 searches a second per token; 4 leaves one for the
   * lookups a user types meanwhile, so neither is answered 429.
   */
  perSecond?: number;
  batchSize?: number;
  /** Rows scanned for ids per task after a big change (an import), so the page never freezes. */
  sliceRows?: number;
}

const RECORD_ID = /^\d+$/;
/** Ids typed in quick succession (a paste, a fill) wait this long to share one request. */
const GATHER_MS = 15;
const MAX_BACKOFF_MS = 30_000;

type Key = `${ReferenceType}:${string}`;
const keyOf = (type: ReferenceType, id: string): Key => `${type}:${id}`;

/**
 * Every record id referenced anywhere in the batch (association cells and the products of line items),
 * checked against HubSpot: independent of what the grid
 * renders, so counts never depend on scrolling. Ids are read in batches (one request per ≤100 ids of a
 * type), paced under the search limit, and cached for the session; `pending` says how many are unchecked.
 */
export class ReferenceChecker {
  private readonly known = new Map<Key, RecordName | null>();
  private readonly queue = new Map<ReferenceType, Set<string>>();
  private queued = 0;
  private readonly listeners = new Set<() => void>();
  private scanRows: readonly BatchRow[] | undefined;
  private scanNext = 0;
  private cancelScan: (() => void) | undefined;
  private pumping = false;
  private lastStart = Number.NEGATIVE_INFINITY;
  private missingIds = new Set<Key>();
  private idle: (() => void)[] = [];
  version = 0;
  /** The last failed request's error, while ids wait for a retry. */
  lastError: unknown;
  /** `isMissing` for validation: a new function whenever the set of missing ids grew. */
  isMissing: IsMissingRecord | undefined;
  /**
   * Deals' currencies, read by the same batched reads that check the ids exist (no request per row): a new
   * function whenever deals were learned, over a copy, so the one before still tells what changed.
   */
  dealCurrency: DealCurrencyOf | undefined;
  private dealCurrencies = new Map<string, string>();

  private readonly perSecond: number;
  private readonly batchSize: number;
  private readonly sliceRows: number;

  constructor(
    private readonly store: BatchStore,
    private readonly options: ReferenceCheckerOptions,
  ) {
    this.perSecond = options.perSecond ?? 4;
    this.batchSize = options.batchSize ?? 100;
    this.sliceRows = options.sliceRows ?? 5_000;
    store.subscribe((change) => this.take(change));
    if (store.rows.length > 0) this.take({ touched: "all" });
  }

  /** Distinct referenced ids not checked yet. */
  get pending(): number {
    return this.queued;
  }

  /** True while a big change is still being read for ids (the pending count is still growing). */
  get scanning(): boolean {
    return this.scanRows !== undefined;
  }

  /** True once every id the batch references is checked: counts and the submit plan are complete. */
  get complete(): boolean {
    return this.queued === 0 && this.scanRows === undefined;
  }

  getPending = (): number => this.pending;

  getVersion = (): number => this.version;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  /** The record, `null` if HubSpot does not know it, `undefined` while unchecked. */
  record(type: ReferenceType, id: string): RecordName | null | undefined {
    return this.known.get(keyOf(type, id));
  }

  /** Resolves once every id referenced so far is checked. */
  settled(): Promise<void> {
    if (this.complete) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  private take(change: Pick<BatchChange, "touched">): void {
    const rows = this.store.rows;
    if (change.touched === "all" || change.touched.size > this.sliceRows) {
      // A whole new batch (or a big paste): scan it in slices, restarting from the top.
      this.scanRows = rows;
      this.scanNext = 0;
      this.cancelScan ??= this.options.scheduler.schedule(this.scanSlice);
      this.bump();
      return;
    }
    const before = this.queued;
    const touched = change.touched;
    if (touched.size === 0) return;
    // A walk with a Set test costs ~0.1 ms at 10,000 rows: cheaper than keeping an index by id.
    let left = touched.size;
    for (const row of rows) {
      if (!touched.has(row.id)) continue;
      this.collect(row);
      left -= 1;
      if (left === 0) break;
    }
    if (this.queued !== before) {
      this.bump();
      this.startPump();
    }
  }

  private readonly scanSlice = (): void => {
    this.cancelScan = undefined;
    const rows = this.scanRows;
    if (!rows) return;
    const end = Math.min(rows.length, this.scanNext + this.sliceRows);
    for (let i = this.scanNext; i < end; i += 1) {
      const row = rows[i];
      if (row) this.collect(row);
    }
    this.scanNext = end;
    if (end >= rows.length) this.scanRows = undefined;
    else this.cancelScan = this.options.scheduler.schedule(this.scanSlice);
    this.bump();
    this.startPump();
    this.resolveIdle();
  };

  private collect(row: BatchRow): void {
    for (const key in row.cells) {
      const value = row.cells[key];
      if (!value || !isAssociationColumnKey(key)) continue;
      const type = parseAssociationColumnKey(key)?.toObjectType;
      if (!type) continue;
      for (const id of splitRecordIds(value)) this.enqueue(type, id);
    }
    for (const line of row.lines) this.enqueue("products", (line.cells[LINE_KEYS.product] ?? "").trim());
  }

  private enqueue(type: ReferenceType, id: string): void {
    if (!RECORD_ID.test(id) || this.known.has(keyOf(type, id))) return;
    const ids = this.queue.get(type) ?? new Set<string>();
    if (ids.has(id)) return;
    ids.add(id);
    this.queue.set(type, ids);
    this.queued += 1;
  }

  private startPump(): void {
    if (this.pumping || this.queued === 0) return;
    this.pumping = true;
    void this.pump();
  }

  private async pump(): Promise<void> {
    const { clock } = this.options;
    let backoff = 1_000;
    await clock.sleep(GATHER_MS);
    for (let next = this.nextBatch(); next; next = this.nextBatch()) {
      const gap = this.lastStart + 1_000 / this.perSecond - clock.now();
      if (gap > 0) await clock.sleep(gap);
      this.lastStart = clock.now();
      const [type, ids] = next;
      try {
        const result = await this.options.resolve(type, ids);
        this.learn(type, ids, result);
        this.lastError = undefined;
        backoff = 1_000;
      } catch (error) {
        // Offline, a 429 or a 5xx: the ids stay queued and are asked again, later and later.
        const queue = this.queue.get(type) ?? new Set<string>();
        for (const id of ids) if (!this.known.has(keyOf(type, id))) queue.add(id);
        this.queue.set(type, queue);
        this.queued += ids.length;
        this.lastError = error;
        this.bump();
        await clock.sleep(backoff);
        backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
      }
    }
    this.pumping = false;
    if (this.complete) this.resolveIdle();
    else this.startPump();
  }

  private resolveIdle(): void {
    if (!this.complete || this.pumping) return;
    const idle = this.idle;
    this.idle = [];
    for (const resolve of idle) resolve();
  }

  private nextBatch(): [ReferenceType, string[]] | undefined {
    for (const [type, ids] of this.queue) {
      if (ids.size === 0) continue;
      const batch: string[] = [];
      for (const id of ids) {
        if (batch.length >= this.batchSize) break;
        batch.push(id);
      }
      for (const id of batch) ids.delete(id);
      this.queued -= batch.length;
      return [type, batch];
    }
    return undefined;
  }

  private learn(type: ReferenceType, ids: readonly string[], result: ResolvedIds): void {
    let newlyMissing = false;
    let currencies: Map<string, string> | undefined;
    for (const id of ids) {
      const found = result.found.get(id);
      this.known.set(keyOf(type, id), found ?? null);
      const currency = type === "deals" ? found?.currency?.trim().toUpperCase() : undefined;
      if (currency) {
        currencies ??= new Map(this.dealCurrencies);
        currencies.set(id, currency);
      }
      if (!found) {
        this.missingIds.add(keyOf(type, id));
        newlyMissing = true;
      }
    }
    if (newlyMissing) {
      const missing = this.missingIds;
      this.isMissing = (objectType, id) => missing.has(keyOf(objectType, id));
    }
    if (currencies) {
      const known = currencies;
      this.dealCurrencies = known;
      this.dealCurrency = (dealId) => known.get(dealId);
    }
    this.bump();
  }

  private bump(): void {
    this.version += 1;
    for (const listener of this.listeners) listener();
  }
}
