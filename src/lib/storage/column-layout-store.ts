import type { ColumnKey } from "../../domain/batch/columns.ts";
import { defaultLayout, isPinnedKey } from "../../domain/columns/layout.ts";
import {
  type KeyValueStorage,
  loadColumnLayout,
  type SavedColumnLayout,
  saveColumnLayout,
} from "./layout.ts";

/**
 * The composer's column layout as a service: the column chooser and resizing change it, and a CSV import
 * reveals the columns it filled, so imported values are never hidden in columns nobody can see.
 */
export class ColumnLayoutStore {
  private layout: SavedColumnLayout | undefined;
  private readonly listeners = new Set<() => void>();

  /** `storage` undefined: the browser's localStorage (loadColumnLayout's default). */
  constructor(private readonly storage?: KeyValueStorage) {
    this.layout = storage ? loadColumnLayout(storage) : loadColumnLayout();
  }

  getSnapshot = (): SavedColumnLayout | undefined => this.layout;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  set(layout: SavedColumnLayout): void {
    this.layout = layout;
    if (this.storage) saveColumnLayout(layout, this.storage);
    else saveColumnLayout(layout);
    for (const listener of this.listeners) listener();
  }

  /** Appends the columns not shown yet (in the order given); changes nothing when all are shown. */
  reveal(keys: readonly ColumnKey[]): void {
    const current = this.layout?.columns ?? defaultLayout();
    const shown = new Set(current);
    const added = [...new Set(keys)].filter((key) => !shown.has(key) && !isPinnedKey(key));
    if (added.length === 0) return;
    this.set({
      version: 1,
      columns: [...current, ...added],
      ...(this.layout?.widths ? { widths: this.layout.widths } : {}),
    });
  }
}
