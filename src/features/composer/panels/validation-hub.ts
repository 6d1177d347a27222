import type { BatchChange, BatchStore } from "../../../domain/batch/batch-store.ts";
import type { BatchRow, RowId } from "../../../domain/batch/row.ts";
import type { ColumnDef } from "../../../domain/columns/column-def.ts";
import { BatchValidator } from "../../../domain/validation/batch-validator.ts";
import type { IsMissingRecord } from "../../../domain/validation/cell-checks.ts";
import { rowsReferencing } from "../../../domain/validation/record-references.ts";
import { RowRules, type RowRulesInput } from "../../../domain/validation/row-rules.ts";
import { defaultScheduler, type ValidationScheduler } from "./validation-scheduler.ts";

type Listener = () => void;

/**
 * Rows checked per task. A row costs ~15 µs in Chromium, so a slice stays well under 50 ms; a change that
 * touches at most this many rows is checked at once, in the change's own task (edits stay exact).
 */
export const SLICE_ROWS = 1000;

export interface ValidationHubOptions {
  scheduler?: ValidationScheduler;
  sliceRows?: number;
}

/** Rows whose cited ids may have become known missing, looked through one slice at a time. */
interface ReferenceScan {
  rows: readonly BatchRow[];
  next: number;
  /** Ids missing now or before (a result may still flag them): both kinds of rows need a re-check. */
  matches: IsMissingRecord;
}

/**
 * One validator per batch store, shared by every component that shows issues (grid, toolbar counts,
 * issues panel), so a batch is validated once per change however many views read it. A change touching
 * many rows (a CSV import, new rules) is checked in slices, one task each, so the page never freezes;
 * `pendingRows` says how many are still waiting, and counts cover only the rows checked so far.
 */
export class ValidationHub {
  readonly validator = new BatchValidator({ checkRow: () => [] });
  columns: readonly ColumnDef[] = [];
  version = 0;
  private readonly listeners = new Set<Listener>();
  private input: RowRulesInput | undefined;
  private rulesDefaults: RowRulesInput["defaults"];
  private readonly scheduler: ValidationScheduler;
  private readonly sliceRows: number;
  /** Rows to check, in the order they are checked (batch order after an import). */
  private pending = new Set<RowId>();
  private scan: ReferenceScan | undefined;
  private cancel: (() => void) | undefined;

  constructor(
    private readonly store: BatchStore,
    options: ValidationHubOptions = {},
  ) {
    this.scheduler = options.scheduler ?? defaultScheduler;
    this.sliceRows = Math.max(1, options.sliceRows ?? SLICE_ROWS);
    store.subscribe((change) => {
      this.take(change);
      this.bump();
    });
  }

  /** Rows not checked yet; while above 0, counts and issues cover only the rows checked so far. */
  get pendingRows(): number {
    return this.pending.size;
  }

  /**
   * New rules (definitions, columns, "today" or known-missing ids changed): re-check the whole batch.
   * Several views may configure with the same inputs; that costs nothing.
   */
  configure(input: RowRulesInput): void {
    const last = this.input;
    const sameRules =
      last !== undefined &&
      last.properties === input.properties &&
      // Rules only use column keys (order, where row warnings point): a resize must not re-check the batch.
      keysOf(last.columns) === keysOf(input.columns) &&
      last.today === input.today &&
      last.lines === input.lines &&
      last.quoteSystem === input.quoteSystem;
    const columnsChanged = this.columns !== input.columns;
    this.columns = input.columns;
    if (sameRules && last.isMissing === input.isMissing) {
      this.input = input;
      // New labels or widths only: views that show column labels re-render, nothing is re-checked.
      if (columnsChanged) this.bump();
      return;
    }
    this.input = input;
    this.setRules(input);
    if (sameRules) this.recheckReferences(input.isMissing, this.scan ? this.scan.matches : last.isMissing);
    else this.take({ touched: "all", removed: [] });
    this.bump();
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  getVersion = (): number => this.version;

  getPendingRows = (): number => this.pending.size;

  /** Rules read the batch defaults as they are now: a `set-defaults` (an "all" change) gets new rules. */
  private setRules(input: RowRulesInput): void {
    this.rulesDefaults = this.store.defaults;
    this.validator.setChecker(new RowRules({ ...input, defaults: this.store.defaults }));
  }

  /** A store change (or new rules, as `all`): small ones are checked now, big ones queued for slices. */
  private take(change: Pick<BatchChange, "touched" | "removed">): void {
    const rows = this.store.rows;
    if (this.input && this.rulesDefaults !== this.store.defaults) this.setRules(this.input);
    const { touched } = change;
    for (const id of change.removed) this.pending.delete(id);
    if (touched === "all") {
      this.pending = new Set();
      this.scan = undefined;
    }
    const size = touched === "all" ? rows.length : touched.size;
    if (size <= this.sliceRows) {
      // An edit to a row still waiting is checked now, and leaves the queue.
      if (touched !== "all") for (const id of touched) this.pending.delete(id);
      this.validator.revalidate(rows, change);
      this.stopWhenIdle();
      return;
    }
    this.validator.defer(rows, change);
    if (touched === "all") for (const row of rows) this.pending.add(row.id);
    else for (const id of touched) this.pending.add(id);
    this.start();
  }

  /** Lookups learned of missing ids (often while scrolling): re-check only rows that cite them. */
  private recheckReferences(now: IsMissingRecord | undefined, before: IsMissingRecord | undefined): void {
    const matches: IsMissingRecord = (type, id) => (now?.(type, id) || before?.(type, id)) ?? false;
    const rows = this.store.rows;
    if (rows.length <= this.sliceRows && !this.scan) {
      this.validator.revalidate(rows, { touched: rowsReferencing(rows, matches), removed: [] });
      return;
    }
    // Restarted from the top: rows already looked at must be looked at again for the new ids.
    this.scan = { rows, next: 0, matches };
    this.start();
  }

  private readonly runSlice = (): void => {
    this.cancel = undefined;
    const ids: RowId[] = [];
    for (const id of this.pending) {
      if (ids.length >= this.sliceRows) break;
      ids.push(id);
      this.pending.delete(id);
    }
    const scan = this.scan;
    if (ids.length === 0 && scan) {
      const end = Math.min(scan.rows.length, scan.next + this.sliceRows);
      for (const id of rowsReferencing(scan.rows.slice(scan.next, end), scan.matches)) ids.push(id);
      scan.next = end;
      if (end >= scan.rows.length) this.scan = undefined;
    }
    // Rows removed since they were queued are not found, and skipped.
    this.validator.checkRows(ids);
    if (this.pending.size > 0 || this.scan) this.start();
    this.bump();
  };

  private start(): void {
    this.cancel ??= this.scheduler.schedule(this.runSlice);
  }

  private stopWhenIdle(): void {
    if (this.pending.size > 0 || this.scan || !this.cancel) return;
    this.cancel();
    this.cancel = undefined;
  }

  private bump(): void {
    this.version += 1;
    for (const listener of this.listeners) listener();
  }
}

function keysOf(columns: readonly ColumnDef[]): string {
  return columns.map((column) => column.key).join("\n");
}

const hubs = new WeakMap<BatchStore, ValidationHub>();

export function validationHubFor(store: BatchStore): ValidationHub {
  let hub = hubs.get(store);
  if (!hub) {
    hub = new ValidationHub(store);
    hubs.set(store, hub);
  }
  return hub;
}
