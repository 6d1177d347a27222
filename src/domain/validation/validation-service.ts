import { ASSOCIATION_TARGETS } from "../../hubspot/association-catalogue.ts";
import type { BatchChange, BatchStore } from "../batch/batch-store.ts";
import { type ColumnKey, parseAssociationColumnKey } from "../batch/columns.ts";
import type { BatchRow, RowId } from "../batch/row.ts";
import type { ColumnDef } from "../columns/column-def.ts";
import { BatchValidator } from "./batch-validator.ts";
import type { DealCurrencyOf, IsMissingRecord } from "./cell-checks.ts";
import type { CellIssue } from "./issue.ts";
import { rowsReferencing } from "./record-references.ts";
import { RowRules, type RowRulesInput } from "./row-rules.ts";

/** Runs validation slices in later tasks, so the browser can paint and handle input in between. */
export interface ValidationScheduler {
  /** Runs `task` in a later task, never synchronously; the returned function cancels it. */
  schedule(task: () => void): () => void;
}

type Listener = () => void;

/**
 * Rows checked per task. A row costs ~15 µs in Chromium, so a slice stays well under 50 ms; a change that
 * touches at most this many rows is checked at once, in the change's own task (edits stay exact).
 */
export const SLICE_ROWS = 1000;

export interface ValidationServiceOptions {
  scheduler: ValidationScheduler;
  /** Today as YYYY-MM-DD in the user's calendar (expiration dates must not be before it). */
  today: string;
  sliceRows?: number;
}

/**
 * What the views decide: the property definitions, the visible columns (issue order, row warnings), the
 * line-item rules (the portal's line-item definitions and the product library) and the portal's quote system.
 */
export type ValidationRules = Pick<RowRulesInput, "properties" | "columns" | "lines" | "quoteSystem">;

/** Rows whose cited ids may have become known missing, looked through one slice at a time. */
interface ReferenceScan {
  rows: readonly BatchRow[];
  next: number;
  /** Ids missing now or before (a result may still flag them): both kinds of rows need a re-check. */
  matches: IsMissingRecord;
}

/**
 * The one validation result of the batch: the grid, the toolbar counts, the problems list, the submit
 * dialog and "Retry failed rows" all read this service, so a row the grid marks as an error is never
 * counted valid nor sent. A batch is validated once per change however many views read it. A change touching
 * many rows (a CSV import, new rules) is checked in slices, one task each, so the page never freezes;
 * `pendingRows` says how many are still waiting, and counts cover only the rows checked so far.
 */
export class ValidationService {
  readonly validator = new BatchValidator({ checkRow: () => [] });
  columns: readonly ColumnDef[] = [];
  version = 0;
  private readonly listeners = new Set<Listener>();
  private input: RowRulesInput | undefined;
  private rules: ValidationRules | undefined;
  private today: string;
  private isMissing: IsMissingRecord | undefined;
  private dealCurrency: DealCurrencyOf | undefined;
  /** The batch defaults the current checker was built with: a `set-defaults` needs a new checker. */
  private rulesDefaults: RowRulesInput["defaults"];
  private readonly scheduler: ValidationScheduler;
  private readonly sliceRows: number;
  /** Rows to check, in the order they are checked (batch order after an import). */
  private pending = new Set<RowId>();
  private scan: ReferenceScan | undefined;
  private cancel: (() => void) | undefined;

  constructor(
    private readonly store: BatchStore,
    options: ValidationServiceOptions,
  ) {
    this.scheduler = options.scheduler;
    this.today = options.today;
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

  /** False until the views gave the rules (property definitions): until then nothing is checked. */
  get configured(): boolean {
    return this.input !== undefined;
  }

  /** The definitions and visible columns changed. Several views may set the same rules; that costs nothing. */
  setRules(rules: ValidationRules): void {
    this.rules = rules;
    this.apply();
  }

  /**
   * New property definitions, keeping what the composer gave (columns, line rules, quote system): a view
   * without columns (the submit dialog) must not drop the line-item checks the grid shows.
   */
  setProperties(properties: ValidationRules["properties"]): void {
    if (this.rules?.properties === properties) return;
    this.setRules({ ...this.rules, properties, columns: this.rules?.columns ?? [] });
  }

  /**
   * The words for a column in a message ("Comments", never "hs_comments"): the visible column's label,
   * else the property's label, else the association's record type.
   */
  labelOf(key: ColumnKey): string {
    const column = this.columns.find((candidate) => candidate.key === key);
    if (column) return column.label;
    const property = this.rules?.properties.find((candidate) => candidate.name === key);
    if (property) return property.label;
    const association = parseAssociationColumnKey(key);
    return association ? ASSOCIATION_TARGETS[association.toObjectType].singular : key;
  }

  /** The date ticked over (midnight): rows whose expiration is now in the past become invalid. */
  setToday(today: string): void {
    if (today === this.today) return;
    this.today = today;
    this.apply();
  }

  /** Reference checks learned which ids do not exist: only rows citing those ids are re-checked. */
  setMissing(isMissing: IsMissingRecord | undefined): void {
    if (isMissing === this.isMissing) return;
    this.isMissing = isMissing;
    this.apply();
  }

  /** Reference checks read deals' currencies: only rows citing a deal whose currency is new are re-checked. */
  setDealCurrencies(dealCurrency: DealCurrencyOf | undefined): void {
    if (dealCurrency === this.dealCurrency) return;
    this.dealCurrency = dealCurrency;
    this.apply();
  }

  /** True while any row waits for a slice (a big change, or a re-check for newly missing ids). */
  get checking(): boolean {
    return this.pending.size > 0 || this.scan !== undefined;
  }

  /**
   * The current issues of a row. A row still waiting for its slice is checked now, so a caller (the
   * submission) never reads a stale result; the slice still runs later and tells the views.
   */
  issuesOf(row: BatchRow): readonly CellIssue[] {
    const stale =
      this.pending.has(row.id) ||
      (this.scan !== undefined && rowsReferencing([row], this.scan.matches).size > 0);
    if (stale) {
      this.pending.delete(row.id);
      this.validator.checkRows([row.id]);
    }
    return this.validator.issuesForRow(row.id);
  }

  private apply(): void {
    if (!this.rules) return;
    this.configure({
      ...this.rules,
      today: this.today,
      isMissing: this.isMissing,
      dealCurrency: this.dealCurrency,
    });
  }

  /** New rules (definitions, columns, "today" or known-missing ids changed): re-check what they affect. */
  private configure(input: RowRulesInput): void {
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
    if (sameRules && last.isMissing === input.isMissing && last.dealCurrency === input.dealCurrency) {
      this.input = input;
      // New labels or widths only: views that show column labels re-render, nothing is re-checked.
      if (columnsChanged) this.bump();
      return;
    }
    this.input = input;
    this.installChecker(input);
    if (sameRules) {
      const before = this.scan ? this.scan.matches : last.isMissing;
      const currencyNow = input.dealCurrency;
      const currencyBefore = last.dealCurrency;
      const currencyChanged: IsMissingRecord | undefined =
        currencyNow === currencyBefore
          ? undefined
          : (type, id) => type === "deals" && currencyNow?.(id) !== currencyBefore?.(id);
      this.recheckReferences(input.isMissing, (type, id) =>
        Boolean(before?.(type, id) || currencyChanged?.(type, id)),
      );
    } else this.take({ touched: "all", removed: [] });
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
  private installChecker(input: RowRulesInput): void {
    this.rulesDefaults = this.store.defaults;
    this.validator.setChecker(new RowRules({ ...input, defaults: this.store.defaults }));
  }

  /** A store change (or new rules, as `all`): small ones are checked now, big ones queued for slices. */
  private take(change: Pick<BatchChange, "touched" | "removed">): void {
    const rows = this.store.rows;
    if (this.input && this.rulesDefaults !== this.store.defaults) this.installChecker(this.input);
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
