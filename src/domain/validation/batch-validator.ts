import type { BatchChange } from "../batch/batch-store.ts";
import type { ColumnKey } from "../batch/columns.ts";
import type { BatchRow, LineId, RowId } from "../batch/row.ts";
import type { CellIssue } from "./issue.ts";

export interface RowChecker {
  checkRow(row: BatchRow): readonly CellIssue[];
}

interface RowResult {
  issues: readonly CellIssue[];
  /** The most severe issue per cell; `""` holds row-level ones. */
  byKey: Map<ColumnKey, CellIssue>;
  errors: number;
  warnings: number;
}

const NONE: readonly CellIssue[] = Object.freeze([]);

/** Line cells share the row's issue map under keys no quote column can have (property names have no \u0001). */
function lineIssueKey(lineId: LineId, key: string | undefined): string {
  return `${lineId}\u0001${key ?? ""}`;
}

/**
 * Keeps the issues of a batch up to date as it changes. Only rows a change touched are re-checked (an edit
 * costs one row, whatever the batch size); results live in a Map by row id, so counts and lookups are O(1).
 */
export class BatchValidator {
  private readonly results = new Map<RowId, RowResult>();
  private rows: readonly BatchRow[] = [];
  private positions = new Map<RowId, number>();
  /** The rows array `positions` was last built from: a miss there means the row is gone, no rebuild. */
  private positionsFor: readonly BatchRow[] | undefined;
  private ordered: readonly CellIssue[] | undefined;
  private errors = 0;
  private warnings = 0;
  /** How many rows were checked since creation; tests use it to prove validation stays incremental. */
  rowsChecked = 0;

  constructor(private checker: RowChecker) {}

  /** New rules (columns or definitions changed): call `revalidate(rows, { touched: "all", ... })` next. */
  setChecker(checker: RowChecker): void {
    this.checker = checker;
  }

  revalidate(rows: readonly BatchRow[], change: Pick<BatchChange, "touched" | "removed">): void {
    this.defer(rows, change);
    if (change.touched === "all") {
      // Positions come for free while walking the rows, so lookups by id right after stay O(1).
      this.positions = new Map();
      this.positionsFor = rows;
      rows.forEach((row, index) => {
        this.positions.set(row.id, index);
        this.store(row);
      });
      return;
    }
    this.checkRows(change.touched);
  }

  /**
   * Takes a change without checking anything (the caller checks later, in slices): removed rows and rows
   * the change touched lose their now stale results; `all` clears every result.
   */
  defer(rows: readonly BatchRow[], change: Pick<BatchChange, "touched" | "removed">): void {
    this.rows = rows;
    this.ordered = undefined;
    for (const id of change.removed) this.drop(id);
    if (change.touched === "all") this.reset(rows);
    else for (const id of change.touched) this.drop(id);
  }

  /** Forgets every result (new rules or a whole new batch) without checking: `checkRows` follows. */
  reset(rows: readonly BatchRow[]): void {
    this.rows = rows;
    this.ordered = undefined;
    this.results.clear();
    this.errors = 0;
    this.warnings = 0;
  }

  /** Re-checks the given rows of the current batch; ids no longer in it are skipped. */
  checkRows(ids: Iterable<RowId>): void {
    this.ordered = undefined;
    for (const id of ids) {
      const row = this.find(id);
      this.drop(id);
      if (row) this.store(row);
    }
  }

  issueFor(rowId: RowId, key: ColumnKey): CellIssue | undefined {
    return this.results.get(rowId)?.byKey.get(key);
  }

  /** The most severe issue of one cell of one line item of a row. */
  issueForLine(rowId: RowId, lineId: LineId, key: string): CellIssue | undefined {
    return this.results.get(rowId)?.byKey.get(lineIssueKey(lineId, key));
  }

  issuesForRow(rowId: RowId): readonly CellIssue[] {
    return this.results.get(rowId)?.issues ?? NONE;
  }

  counts(): { errors: number; warnings: number } {
    return { errors: this.errors, warnings: this.warnings };
  }

  /** Every issue, by row position and then column (rows are already sorted by column when checked). */
  all(): readonly CellIssue[] {
    if (this.ordered) return this.ordered;
    const ordered: CellIssue[] = [];
    if (this.results.size > 0) {
      for (const row of this.rows) {
        const result = this.results.get(row.id);
        if (result) for (const issue of result.issues) ordered.push(issue);
      }
    }
    this.ordered = ordered;
    return ordered;
  }

  /**
   * Row lookup by id without an O(n) scan per row: positions survive cell edits (same indices); after an
   * insert or removal they are rebuilt, at most once per rows array, so a miss for a removed row is cheap.
   */
  private find(id: RowId): BatchRow | undefined {
    const at = this.positions.get(id);
    if (at !== undefined && this.rows[at]?.id === id) return this.rows[at];
    if (this.positionsFor === this.rows) return undefined;
    this.positions = new Map();
    this.positionsFor = this.rows;
    this.rows.forEach((row, index) => {
      this.positions.set(row.id, index);
    });
    const again = this.positions.get(id);
    return again === undefined ? undefined : this.rows[again];
  }

  private store(row: BatchRow): void {
    this.rowsChecked += 1;
    const issues = this.checker.checkRow(row);
    if (issues.length === 0) return;
    const byKey = new Map<ColumnKey, CellIssue>();
    let errors = 0;
    for (const issue of issues) {
      if (issue.severity === "error") errors += 1;
      const key =
        issue.lineId === undefined ? (issue.columnKey ?? "") : lineIssueKey(issue.lineId, issue.columnKey);
      const existing = byKey.get(key);
      if (!existing || (existing.severity === "warning" && issue.severity === "error")) byKey.set(key, issue);
    }
    const warnings = issues.length - errors;
    this.results.set(row.id, { issues, byKey, errors, warnings });
    this.errors += errors;
    this.warnings += warnings;
  }

  private drop(id: RowId): void {
    const result = this.results.get(id);
    if (!result) return;
    this.results.delete(id);
    this.errors -= result.errors;
    this.warnings -= result.warnings;
  }
}
