import { describe, expect, it } from "vitest";
import { BatchStore } from "../batch/batch-store.ts";
import { createRow } from "../batch/row.ts";
import { copyRange, fillTarget, planClear, planFill, planFillDown, planFillRight } from "./range-edits.ts";
import { parseTsv } from "./tsv.ts";

const columns = ["a", "b", "c"];
function store() {
  return new BatchStore([
    createRow({ a: "1", b: "x", c: "p" }, "r0"),
    createRow({ a: "2", b: "y" }, "r1"),
    createRow({ a: "3" }, "r2"),
    createRow({}, "r3"),
  ]);
}
const cells = (s: BatchStore) => s.rows.map((row) => columns.map((key) => row.cells[key] ?? ""));

describe("range edits", () => {
  it("clears a range and undoes it in one step", () => {
    const s = store();
    s.apply(planClear(s.rows, columns, { top: 0, left: 0, bottom: 1, right: 1 })!, "clear-cells");
    expect(cells(s).slice(0, 2)).toEqual([
      ["", "", "p"],
      ["", "", ""],
    ]);
    s.undo();
    expect(cells(s)[0]).toEqual(["1", "x", "p"]);
    expect(planClear(s.rows, columns, { top: 3, left: 0, bottom: 3, right: 2 })).toBeUndefined();
  });

  it("fills down the top row of the selection (Ctrl+D) and right (Ctrl+R)", () => {
    const s = store();
    s.apply(planFillDown(s.rows, columns, { top: 0, left: 0, bottom: 3, right: 1 })!);
    expect(cells(s)).toEqual([
      ["1", "x", "p"],
      ["1", "x", ""],
      ["1", "x", ""],
      ["1", "x", ""],
    ]);
    s.apply(planFillRight(s.rows, columns, { top: 0, left: 0, bottom: 0, right: 2 })!);
    expect(cells(s)[0]).toEqual(["1", "1", "1"]);
  });

  it("repeats a multi-row source when the fill handle is dragged down or up", () => {
    const s = store();
    s.apply(
      planFill(
        s.rows,
        columns,
        { top: 0, left: 0, bottom: 1, right: 0 },
        fillTarget({ top: 0, left: 0, bottom: 1, right: 0 }, 3, 0),
      )!,
    );
    expect(cells(s).map((row) => row[0])).toEqual(["1", "2", "1", "2"]);
    const t = store();
    const source = { top: 2, left: 1, bottom: 3, right: 1 };
    t.apply(planFill(t.rows, columns, source, fillTarget(source, 0, 1))!);
    expect(cells(t).map((row) => row[1])).toEqual(["", "", "", ""]);
  });

  it("picks the fill direction from the longer drag", () => {
    const source = { top: 2, left: 1, bottom: 2, right: 1 };
    expect(fillTarget(source, 6, 2)).toEqual({ top: 2, left: 1, bottom: 6, right: 1 });
    expect(fillTarget(source, 2, 0)).toEqual({ top: 2, left: 0, bottom: 2, right: 1 });
    expect(fillTarget(source, 0, 1)).toEqual({ top: 0, left: 1, bottom: 2, right: 1 });
    expect(fillTarget(source, 2, 1)).toBe(source);
  });

  it("copies a range as TSV that pastes back to the same values", () => {
    const s = new BatchStore([
      createRow({ a: 'say "hi"', b: "two\nlines" }, "r0"),
      createRow({ a: "z" }, "r1"),
    ]);
    const text = copyRange(s.rows, columns, { top: 0, left: 0, bottom: 1, right: 1 });
    expect(text).toBe('"say ""hi"""\t"two\nlines"\r\nz\t\r\n');
    expect(parseTsv(text)).toEqual([
      ['say "hi"', "two\nlines"],
      ["z", ""],
    ]);
    expect(
      copyRange(s.rows, columns, { top: 0, left: 0, bottom: 0, right: 0 }, (_k, v) => v.toUpperCase()),
    ).toBe('"SAY ""HI"""\r\n');
  });
});
