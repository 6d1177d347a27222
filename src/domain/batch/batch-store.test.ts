import { describe, expect, it } from "vitest";
import { BatchStore } from "./batch-store.ts";
import { createRow } from "./row.ts";

describe("BatchStore", () => {
  it("undoes and redoes cell edits, row inserts and removals as single steps", () => {
    const a = createRow({ hs_title: "A" }, "a");
    const b = createRow({ hs_title: "B" }, "b");
    const store = new BatchStore([a, b]);

    store.apply({ type: "set-cells", edits: [{ rowId: "a", key: "hs_title", value: "A2" }] });
    store.apply({ type: "insert-rows", inserts: [{ index: 1, row: createRow({}, "c") }] });
    store.apply({ type: "remove-rows", rowIds: ["a"] });
    expect(store.rows.map((row) => row.id)).toEqual(["c", "b"]);

    store.undo();
    expect(store.rows.map((row) => row.id)).toEqual(["a", "c", "b"]);
    store.undo();
    store.undo();
    expect(store.rows[0]?.cells.hs_title).toBe("A");
    expect(store.getSnapshot().canUndo).toBe(false);

    store.redo();
    expect(store.rows[0]?.cells.hs_title).toBe("A2");
  });

  it("reports which rows a change touched so validation can stay incremental", () => {
    const store = new BatchStore([createRow({}, "a"), createRow({}, "b")]);
    const changes: unknown[] = [];
    store.subscribe((change) => changes.push(change));
    store.apply({ type: "set-cells", edits: [{ rowId: "b", key: "x", value: "1" }] });
    expect(changes).toEqual([{ touched: new Set(["b"]), removed: [], cause: "apply" }]);
  });

  it("unwinds two edits of the same cell in one step back to the original value", () => {
    const store = new BatchStore([createRow({ x: "0" }, "a")]);
    store.apply({
      type: "set-cells",
      edits: [
        { rowId: "a", key: "x", value: "1" },
        { rowId: "a", key: "x", value: "2" },
      ],
    });
    store.undo();
    expect(store.rows[0]?.cells.x).toBe("0");
  });
});
