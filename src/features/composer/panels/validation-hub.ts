import type { BatchStore } from "../../../domain/batch/batch-store.ts";
import type { ColumnDef } from "../../../domain/columns/column-def.ts";
import { BatchValidator } from "../../../domain/validation/batch-validator.ts";
import { rowsReferencing } from "../../../domain/validation/record-references.ts";
import { RowRules, type RowRulesInput } from "../../../domain/validation/row-rules.ts";

type Listener = () => void;

/**
 * One validator per batch store, shared by every component that shows issues (grid, toolbar counts,
 * issues panel), so a batch is validated once per change however many views read it.
 */
export class ValidationHub {
  readonly validator = new BatchValidator({ checkRow: () => [] });
  columns: readonly ColumnDef[] = [];
  version = 0;
  private readonly listeners = new Set<Listener>();
  private input: RowRulesInput | undefined;

  constructor(private readonly store: BatchStore) {
    store.subscribe((change) => {
      this.validator.revalidate(store.rows, change);
      this.bump();
    });
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
      last.today === input.today;
    const columnsChanged = this.columns !== input.columns;
    this.columns = input.columns;
    if (sameRules && last.isMissing === input.isMissing) {
      this.input = input;
      // New labels or widths only: views that show column labels re-render, nothing is re-checked.
      if (columnsChanged) this.bump();
      return;
    }
    this.input = input;
    this.validator.setChecker(new RowRules(input));
    // Lookups learned of missing ids (often while scrolling): re-check only rows that cite them, then or now.
    const touched = sameRules
      ? rowsReferencing(
          this.store.rows,
          (type, id) => (input.isMissing?.(type, id) || last.isMissing?.(type, id)) ?? false,
        )
      : "all";
    this.validator.revalidate(this.store.rows, { touched, removed: [] });
    this.bump();
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  getVersion = (): number => this.version;

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
