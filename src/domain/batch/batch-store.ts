import { type BatchDefaults, NO_DEFAULTS } from "./defaults.ts";
import type { Applied, BatchOperation } from "./operations.ts";
import { applyOperation } from "./operations.ts";
import type { BatchRow, RowId } from "./row.ts";

export interface BatchSnapshot {
  readonly rows: readonly BatchRow[];
  /** Values for every row that leaves the field empty; changed by the undoable `set-defaults`. */
  readonly defaults: BatchDefaults;
  /** Bumps on every change; cheap to compare in React. */
  readonly version: number;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
}

export interface BatchChange {
  /** Rows to re-check: changed or added ones (a line change counts for its quote row), or `all` after a
   * whole-batch replace or a change of the defaults. */
  touched: ReadonlySet<RowId> | "all";
  removed: readonly RowId[];
  /** What caused it, for listeners that treat undo differently (none do yet; kept for autosave logs). */
  cause: "apply" | "undo" | "redo" | "load";
}

type Listener = (change: BatchChange) => void;

/** The kinds of undoable step; the UI names each in the user's language (message `undo.<action>`). */
export type EditAction =
  | "edit"
  | "edit-cell"
  | "paste"
  | "clear-cells"
  | "fill"
  | "fill-down"
  | "fill-right"
  | "insert-row"
  | "insert-rows"
  | "duplicate-row"
  | "duplicate-rows"
  | "delete-row"
  | "delete-rows"
  | "edit-row-details"
  | "import"
  | "set-default"
  | "publish-on"
  | "publish-off"
  | "paste-lines"
  | "clear-lines"
  | "add-line"
  | "insert-line"
  | "delete-lines"
  | "move-line";

/** What an undo step takes back ("Undo paste", "Undo edit Quote name"): data, not English. */
export interface EditLabel {
  readonly action: EditAction;
  /** The edited column's label, for `edit-cell` and `set-default`. */
  readonly column?: string;
}

const labelOf = (label: EditAction | EditLabel): EditLabel =>
  typeof label === "string" ? { action: label } : label;

const HISTORY_LIMIT = 500;

/**
 * The batch: ordered rows (each with its line items) and the batch defaults, with one undo history. Framework-free; React reads it through
 * `useSyncExternalStore(store.subscribe, store.getSnapshot)`.
 */
export class BatchStore {
  private snapshot: BatchSnapshot;
  private undoStack: { inverse: BatchOperation; label: EditLabel }[] = [];
  private redoStack: { inverse: BatchOperation; label: EditLabel }[] = [];
  private readonly listeners = new Set<Listener>();

  constructor(rows: readonly BatchRow[] = [], defaults: BatchDefaults = NO_DEFAULTS) {
    this.snapshot = { rows, defaults, version: 0, canUndo: false, canRedo: false };
  }

  getSnapshot = (): BatchSnapshot => this.snapshot;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  get rows(): readonly BatchRow[] {
    return this.snapshot.rows;
  }

  get defaults(): BatchDefaults {
    return this.snapshot.defaults;
  }

  /** Applies a change as one undoable step. `label` names it in the UI ("Undo paste"). */
  apply(operation: BatchOperation, label: EditAction | EditLabel = "edit"): void {
    const applied = applyOperation(this.snapshot, operation);
    this.undoStack.push({ inverse: applied.inverse, label: labelOf(label) });
    if (this.undoStack.length > HISTORY_LIMIT) this.undoStack.shift();
    this.redoStack = [];
    this.commit(applied, "apply");
  }

  undo(): boolean {
    const step = this.undoStack.pop();
    if (!step) return false;
    const applied = applyOperation(this.snapshot, step.inverse);
    this.redoStack.push({ inverse: applied.inverse, label: step.label });
    this.commit(applied, "undo");
    return true;
  }

  redo(): boolean {
    const step = this.redoStack.pop();
    if (!step) return false;
    const applied = applyOperation(this.snapshot, step.inverse);
    this.undoStack.push({ inverse: applied.inverse, label: step.label });
    this.commit(applied, "redo");
    return true;
  }

  get undoLabel(): EditLabel | undefined {
    return this.undoStack.at(-1)?.label;
  }

  get redoLabel(): EditLabel | undefined {
    return this.redoStack.at(-1)?.label;
  }

  /** Replaces the batch without history, e.g. when a saved draft is restored. */
  load(rows: readonly BatchRow[], defaults: BatchDefaults = NO_DEFAULTS): void {
    this.undoStack = [];
    this.redoStack = [];
    this.commit(
      { rows, defaults, inverse: { type: "replace-rows", rows }, touched: "all", removed: [] },
      "load",
    );
  }

  private commit(applied: Applied, cause: BatchChange["cause"]): void {
    this.snapshot = {
      rows: applied.rows,
      defaults: applied.defaults,
      version: this.snapshot.version + 1,
      canUndo: this.undoStack.length > 0,
      canRedo: this.redoStack.length > 0,
    };
    const change: BatchChange = { touched: applied.touched, removed: applied.removed, cause };
    for (const listener of this.listeners) listener(change);
  }
}
