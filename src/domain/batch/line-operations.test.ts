import { describe, expect, it } from "vitest";
import type { BatchChange } from "./batch-store.ts";
import { BatchStore } from "./batch-store.ts";
import { createLine, createRow } from "./row.ts";

const ids = (store: BatchStore, rowIndex = 0) => store.rows[rowIndex]?.lines.map((line) => line.id);

function quote() {
  return new BatchStore([
    createRow({ hs_title: "Q1" }, "q1", [
      createLine({ quantity: "1" }, "a"),
      createLine({ quantity: "2" }, "b"),
    ]),
    createRow({ hs_title: "Q2" }, "q2"),
  ]);
}

describe("line items in the batch", () => {
  it("inserts lines at their final positions and removes them, each undoable", () => {
    const store = quote();
    store.apply({
      type: "insert-lines",
      rowId: "q1",
      inserts: [
        { index: 0, line: createLine({}, "x") },
        { index: 3, line: createLine({}, "y") },
        { index: 99, line: createLine({}, "z") },
      ],
    });
    expect(ids(store)).toEqual(["x", "a", "b", "y", "z"]);
    store.apply({ type: "remove-lines", rowId: "q1", lineIds: ["a", "y"] });
    expect(ids(store)).toEqual(["x", "b", "z"]);
    store.undo();
    expect(ids(store)).toEqual(["x", "a", "b", "y", "z"]);
    store.undo();
    expect(ids(store)).toEqual(["a", "b"]);
    store.redo();
    store.redo();
    expect(ids(store)).toEqual(["x", "b", "z"]);
  });

  it("edits a line's cell by lineId and leaves the quote's cells and other lines alone", () => {
    const store = quote();
    const before = store.rows[0]!;
    store.apply({ type: "set-cells", edits: [{ rowId: "q1", lineId: "b", key: "quantity", value: "5" }] });
    const row = store.rows[0]!;
    expect(row.lines.map((line) => line.cells.quantity)).toEqual(["1", "5"]);
    expect(row.cells).toBe(before.cells);
    expect(row.lines[0]).toBe(before.lines[0]);
    expect(before.lines[1]?.cells.quantity).toBe("2");
    store.undo();
    expect(store.rows[0]?.lines[1]?.cells.quantity).toBe("2");
  });

  it("ignores edits to lines or rows that do not exist, and no-op edits", () => {
    const store = quote();
    store.apply({
      type: "set-cells",
      edits: [
        { rowId: "q1", lineId: "nope", key: "quantity", value: "5" },
        { rowId: "q9", lineId: "a", key: "quantity", value: "5" },
        { rowId: "q1", lineId: "a", key: "quantity", value: "1" },
      ],
    });
    store.apply({ type: "remove-lines", rowId: "q1", lineIds: ["nope"] });
    expect(store.rows[0]?.lines.map((line) => line.cells.quantity)).toEqual(["1", "2"]);
  });

  it("reports the quote row as touched for every line change", () => {
    const store = quote();
    const changes: BatchChange[] = [];
    store.subscribe((change) => changes.push(change));
    store.apply({ type: "insert-lines", rowId: "q2", inserts: [{ index: 0, line: createLine({}, "n") }] });
    store.apply({ type: "set-cells", edits: [{ rowId: "q2", lineId: "n", key: "price", value: "3" }] });
    store.apply({ type: "remove-lines", rowId: "q2", lineIds: ["n"] });
    store.undo();
    expect(changes.map((change) => change.touched)).toEqual([
      new Set(["q2"]),
      new Set(["q2"]),
      new Set(["q2"]),
      new Set(["q2"]),
    ]);
  });

  it("undoes and redoes quote edits, line edits, row removals and defaults as one history", () => {
    const store = quote();
    store.apply({ type: "set-cells", edits: [{ rowId: "q1", key: "hs_title", value: "Renamed" }] });
    store.apply({
      type: "sequence",
      operations: [
        {
          type: "insert-lines",
          rowId: "q2",
          inserts: [{ index: 0, line: createLine({ quantity: "3" }, "c") }],
        },
        { type: "set-cells", edits: [{ rowId: "q2", lineId: "c", key: "quantity", value: "4" }] },
      ],
    });
    store.apply({ type: "set-defaults", defaults: { cells: { hs_status: "DRAFT" }, publish: true } });
    store.apply({ type: "remove-rows", rowIds: ["q1"] });
    expect(store.rows.map((row) => row.id)).toEqual(["q2"]);

    store.undo();
    expect(ids(store)).toEqual(["a", "b"]);
    store.undo();
    expect(store.defaults.publish).toBe(false);
    store.undo();
    expect(store.rows[1]?.lines).toEqual([]);
    store.undo();
    expect(store.rows[0]?.cells.hs_title).toBe("Q1");
    expect(store.getSnapshot().canUndo).toBe(false);

    store.redo();
    store.redo();
    expect(store.rows[1]?.lines).toEqual([{ id: "c", cells: { quantity: "4" } }]);
    store.redo();
    expect(store.defaults).toEqual({ cells: { hs_status: "DRAFT" }, publish: true });
    store.redo();
    expect(store.rows.map((row) => row.id)).toEqual(["q2"]);
  });

  it("keeps a row's lines when its quote cells are edited", () => {
    const store = quote();
    store.apply({ type: "set-cells", edits: [{ rowId: "q1", key: "hs_title", value: "X" }] });
    expect(ids(store)).toEqual(["a", "b"]);
  });
});
