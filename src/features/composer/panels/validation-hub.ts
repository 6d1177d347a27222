import type { BatchStore } from "../../../domain/batch/batch-store.ts";
import type { ColumnDef } from "../../../domain/columns/column-def.ts";
import { BatchValidator } from "../../../domain/validation/batch-validator.ts";
import type { RowRules } from "../../../domain/validation/row-rules.ts";

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
  private rules: RowRules | undefined;

  constructor(private readonly store: BatchStore) {
    store.subscribe((change) => {
      this.validator.revalidate(store.rows, change);
      this.bump();
    });
  }

  /** New rules (definitions, columns, "today" or known-missing ids changed): re-check the whole batch. */
  configure(rules: RowRules, columns: readonly ColumnDef[]): void {
    if (rules === this.rules) return;
    this.rules = rules;
    this.columns = columns;
    this.validator.setChecker(rules);
    this.validator.revalidate(this.store.rows, { touched: "all", removed: [] });
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

const hubs = new WeakMap<BatchStore, ValidationHub>();

export function validationHubFor(store: BatchStore): ValidationHub {
  let hub = hubs.get(store);
  if (!hub) {
    hub = new ValidationHub(store);
    hubs.set(store, hub);
  }
  return hub;
}
