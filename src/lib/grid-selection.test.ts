import { describe, expect, it, vi } from "vitest";
import { createGridSelectionStore, NO_SELECTION } from "./grid-selection.ts";

const rows = ["a", "b", "c", "d", "e"].map((id) => ({ id }));

describe("grid selection store", () => {
  it("publishes a row range whose ids resolve on demand, in batch order, whichever way it was dragged", () => {
    const store = createGridSelectionStore();
    const listener = vi.fn();
    store.subscribe(listener);
    const source = vi.fn(() => rows);
    store.publish(3, 1, source);
    const selection = store.getSnapshot();
    expect(selection.count).toBe(3);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(selection.rowIds()).toEqual(["b", "c", "d"]);
  });

  it("ignores a publish that does not change the rows (a column move), so nothing re-renders", () => {
    const store = createGridSelectionStore();
    const listener = vi.fn();
    store.subscribe(listener);
    store.publish(2, 2, () => rows);
    const first = store.getSnapshot();
    store.publish(2, 2, () => rows);
    expect(store.getSnapshot()).toBe(first);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it("resolves against the batch as it is when asked, clamped to its end", () => {
    const store = createGridSelectionStore();
    let current = rows;
    store.publish(3, 9, () => current);
    expect(store.getSnapshot().count).toBe(2);
    current = rows.slice(0, 4);
    expect(store.getSnapshot().rowIds()).toEqual(["d"]);
  });

  it("clears to no selection", () => {
    const store = createGridSelectionStore();
    store.publish(0, 1, () => rows);
    store.clear();
    expect(store.getSnapshot()).toBe(NO_SELECTION);
    expect(store.getSnapshot().rowIds()).toEqual([]);
  });
});
