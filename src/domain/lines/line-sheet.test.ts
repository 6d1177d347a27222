import { describe, expect, it } from "vitest";
import { BatchStore } from "../batch/batch-store.ts";
import { createLine, createRow } from "../batch/row.ts";
import { planPaste } from "../grid/paste.ts";
import { planFillDown } from "../grid/range-edits.ts";
import {
  buildSheet,
  planInsertLine,
  planMoveLine,
  planNewLine,
  planRemoveLines,
  toLineOperation,
} from "./line-sheet.ts";

function batch() {
  return new BatchStore([
    createRow({ hs_title: "A" }, "qa", [
      createLine({ quantity: "1" }, "a1"),
      createLine({ quantity: "2" }, "a2"),
    ]),
    createRow({ hs_title: "B" }, "qb", [createLine({ quantity: "3" }, "b1")]),
    createRow({ hs_title: "C" }, "qc"),
  ]);
}

const quantities = (store: BatchStore) =>
  store.rows.map((row) => row.lines.map((line) => line.cells.quantity ?? ""));

describe("the line sheet", () => {
  it("lists the lines of a run of quotes in order, new lines going to the last quote shown", () => {
    const sheet = buildSheet(batch().rows, 0, 1);
    expect(sheet.entries.map((entry) => [entry.rowId, entry.position, entry.line.id])).toEqual([
      ["qa", 0, "a1"],
      ["qa", 1, "a2"],
      ["qb", 0, "b1"],
    ]);
    expect(sheet.target).toEqual({ rowId: "qb", quoteIndex: 1, lineCount: 1 });
    expect(buildSheet([], 0, 0).target).toBeUndefined();
  });

  it("pastes over lines of several quotes and appends the overflow to the target quote, as one undo step", () => {
    const store = batch();
    const sheet = buildSheet(store.rows, 0, 1);
    const plan = planPaste({
      rows: sheet.gridRows,
      columns: ["quantity", "price"],
      selection: { anchor: { row: 1, col: 0 }, active: { row: 1, col: 0 } },
      data: [
        ["5", "10"],
        ["6", "11"],
        ["7", "12"],
        ["8", "13"],
      ],
      createRow: (cells) => createRow(cells),
    });
    const operation = toLineOperation(sheet, plan.operation!);
    store.apply(operation!, "paste");
    expect(quantities(store)).toEqual([["1", "5"], ["6", "7", "8"], []]);
    expect(store.rows[1]?.lines.map((line) => line.cells.price)).toEqual(["11", "12", "13"]);
    store.undo();
    expect(quantities(store)).toEqual([["1", "2"], ["3"], []]);
  });

  it("fills down across quotes", () => {
    const store = batch();
    const sheet = buildSheet(store.rows, 0, 2);
    const fill = planFillDown(sheet.gridRows, ["quantity"], { top: 0, bottom: 2, left: 0, right: 0 });
    store.apply(toLineOperation(sheet, fill!)!);
    expect(quantities(store)).toEqual([["1", "1"], ["1"], []]);
  });

  it("adds, inserts, moves and removes lines", () => {
    const store = batch();
    store.apply(planNewLine(buildSheet(store.rows, 2, 2), { quantity: "9" })!);
    expect(quantities(store)[2]).toEqual(["9"]);
    store.apply(planInsertLine(buildSheet(store.rows, 0, 0), 1)!);
    expect(quantities(store)[0]).toEqual(["1", "", "2"]);
    store.apply(planMoveLine(buildSheet(store.rows, 0, 0), 0, 1)!);
    expect(quantities(store)[0]).toEqual(["", "1", "2"]);
    expect(planMoveLine(buildSheet(store.rows, 0, 1), 2, 1)).toBeUndefined();
    store.apply(planRemoveLines(buildSheet(store.rows, 0, 1), 2, 3)!);
    expect(quantities(store)).toEqual([["", "1"], [], ["9"]]);
    store.undo();
    expect(quantities(store)).toEqual([["", "1", "2"], ["3"], ["9"]]);
  });
});
