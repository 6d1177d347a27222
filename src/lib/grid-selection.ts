import type { RowId } from "../domain/batch/row.ts";

/**
 * The rows selected in the composer grid, for other features (the submit dialog's "Selected rows").
 * The grid publishes only two row indices when its selection's rows change (O(1) per arrow key, nothing
 * per column move); the ids are resolved from the batch on demand, in batch order.
 */
export interface GridSelection {
  /** Where the selection started and where it ends now (either may be the larger), or -1 for none. */
  readonly anchorRow: number;
  readonly focusRow: number;
  /** How many rows the selection spans, clamped to the batch as it was published. */
  readonly count: number;
  /** The selected rows' ids, in batch order, read from the batch now. */
  rowIds(): RowId[];
}

export const NO_SELECTION: GridSelection = { anchorRow: -1, focusRow: -1, count: 0, rowIds: () => [] };

export interface GridSelectionStore {
  subscribe(listener: () => void): () => void;
  getSnapshot(): GridSelection;
  /** The grid's selection changed rows; `rows()` gives the batch's rows when ids are asked for. */
  publish(anchorRow: number, focusRow: number, rows: () => readonly { readonly id: RowId }[]): void;
  clear(): void;
}

export function createGridSelectionStore(): GridSelectionStore {
  let snapshot = NO_SELECTION;
  const listeners = new Set<() => void>();
  const set = (next: GridSelection) => {
    snapshot = next;
    for (const listener of listeners) listener();
  };
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    getSnapshot: () => snapshot,
    publish(anchorRow, focusRow, rows) {
      const top = Math.min(anchorRow, focusRow);
      const bottom = Math.max(anchorRow, focusRow);
      const count = top < 0 ? 0 : Math.max(0, Math.min(bottom, rows().length - 1) - top + 1);
      if (count === 0) {
        if (snapshot !== NO_SELECTION) set(NO_SELECTION);
        return;
      }
      const same = snapshot.anchorRow === anchorRow && snapshot.focusRow === focusRow;
      if (same && snapshot.count === count) return;
      set({
        anchorRow,
        focusRow,
        count,
        rowIds: () =>
          rows()
            .slice(top, bottom + 1)
            .map((row) => row.id),
      });
    },
    clear: () => {
      if (snapshot !== NO_SELECTION) set(NO_SELECTION);
    },
  };
}
