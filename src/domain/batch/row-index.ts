import type { BatchRow, RowId } from "./row.ts";

/**
 * Row positions by id, cached per rows array. A cell edit keeps every position, so its result array shares
 * the cache entry and the next edit costs O(edits), not O(rows), however large the batch.
 */
const positionCache = new WeakMap<readonly BatchRow[], Map<RowId, number>>();

export function indexById(rows: readonly BatchRow[]): Map<RowId, number> {
  let index = positionCache.get(rows);
  if (!index) {
    index = new Map();
    for (let i = 0; i < rows.length; i++) index.set(rows[i]!.id, i);
    positionCache.set(rows, index);
  }
  return index;
}

/** Records that `next` has the same row positions as `rows` (a change that replaced rows in place). */
export function keepPositions(rows: readonly BatchRow[], next: readonly BatchRow[]): void {
  positionCache.set(next, indexById(rows));
}

/**
 * Merges items into a list at their final positions. Each index is the item's position once every earlier
 * insert is in place, so one pass builds the result: O(list + inserts), where splicing one by one would be
 * quadratic for a 100,000-row import.
 */
export function mergeInserts<T>(list: readonly T[], inserts: readonly { index: number; item: T }[]): T[] {
  const sorted = [...inserts].sort((a, b) => a.index - b.index);
  const next: T[] = new Array(list.length + sorted.length);
  let fromList = 0;
  let fromInserts = 0;
  for (let position = 0; position < next.length; position++) {
    const insert = sorted[fromInserts];
    if (insert && (insert.index <= position || fromList >= list.length)) {
      next[position] = insert.item;
      fromInserts++;
    } else {
      next[position] = list[fromList++]!;
    }
  }
  return next;
}
