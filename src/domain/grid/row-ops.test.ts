import { describe, expect, it } from "vitest";
import { BatchStore } from "../batch/batch-store.ts";
import { createLine, createRow } from "../batch/row.ts";
import { planDeleteRows, planDuplicateRows, planInsertRows } from "./row-ops.ts";

let counter = 0;
const newRow = (cells: Record<string, string>) => createRow(cells, `n${++counter}`);
const titles = (s: BatchStore) => s.rows.map((row) => row.cells.t ?? "·");

describe("row operations", () => {
  it("inserts, duplicates and deletes rows, each undoable", () => {
    const s = new BatchStore(["A", "B", "C"].map((t, i) => createRow({ t }, `r${i}`)));
    s.apply(planInsertRows(1, 2, newRow), "insert-rows");
    expect(titles(s)).toEqual(["A", "·", "·", "B", "C"]);
    s.undo();
    s.apply(planDuplicateRows(s.rows, 0, 1, newRow)!, "duplicate-rows");
    expect(titles(s)).toEqual(["A", "B", "A", "B", "C"]);
    expect(new Set(s.rows.map((row) => row.id)).size).toBe(5);
    s.apply(planDeleteRows(s.rows, 1, 3)!, "delete-rows");
    expect(titles(s)).toEqual(["A", "C"]);
    s.undo();
    expect(titles(s)).toEqual(["A", "B", "A", "B", "C"]);
    s.undo();
    expect(titles(s)).toEqual(["A", "B", "C"]);
    expect(s.getSnapshot().canUndo).toBe(false);
  });

  it("gives a duplicated quote its own copies of the line items, with new ids", () => {
    const s = new BatchStore([createRow({ t: "A" }, "r0", [createLine({ quantity: "2" }, "l0")])]);
    s.apply(planDuplicateRows(s.rows, 0, 0, newRow)!, "duplicate-rows");
    const copy = s.rows[1]!;
    expect(copy.lines.map((line) => line.cells)).toEqual([{ quantity: "2" }]);
    expect(copy.lines[0]?.id).not.toBe("l0");
  });

  it("plans nothing for an empty range", () => {
    expect(planDeleteRows([], 0, 0)).toBeUndefined();
    expect(planDuplicateRows([], 0, 0, newRow)).toBeUndefined();
  });
});
