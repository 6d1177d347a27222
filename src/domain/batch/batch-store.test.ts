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

describe("insert-rows", () => {
  it("places rows at their final positions and appends past the end", () => {
    const store = new BatchStore(["a", "b", "c"].map((id) => createRow({}, id)));
    store.apply({
      type: "insert-rows",
      inserts: [
        { index: 99, row: createRow({}, "z") },
        { index: 0, row: createRow({}, "x") },
        { index: 2, row: createRow({}, "y") },
      ],
    });
    expect(store.rows.map((row) => row.id)).toEqual(["x", "a", "y", "b", "c", "z"]);
    store.undo();
    expect(store.rows.map((row) => row.id)).toEqual(["a", "b", "c"]);
  });

  it("appends 100,000 rows in one undoable step", () => {
    const store = new BatchStore([createRow({}, "first")]);
    const inserts = Array.from({ length: 100_000 }, (_, i) => ({
      index: 1 + i,
      row: createRow({ n: String(i) }),
    }));
    store.apply({ type: "insert-rows", inserts });
    expect(store.rows).toHaveLength(100_001);
    expect(store.rows.at(-1)?.cells.n).toBe("99999");
    store.undo();
    expect(store.rows).toHaveLength(1);
  });
});
