import { describe, expect, it } from "vitest";
import { BatchStore } from "../batch/batch-store.ts";
import { createRow } from "../batch/row.ts";
import { planPaste } from "./paste.ts";
import { cell, collapsed, extendTo } from "./selection.ts";
import { parseTsv } from "./tsv.ts";

const columns = ["hs_title", "hs_expiration_date", "amount"];
let counter = 0;
const newRow = (cells: Record<string, string>) => createRow(cells, `new-${++counter}`);

function storeWith(count: number) {
  return new BatchStore(Array.from({ length: count }, (_, i) => createRow({ hs_title: `T${i}` }, `r${i}`)));
}

describe("planPaste", () => {
  it("pastes a block at the active cell and appends rows it needs, undoable in one step", () => {
    const store = storeWith(2);
    const plan = planPaste({
      rows: store.rows,
      columns,
      selection: collapsed(cell(1, 1)),
      data: parseTsv("2026-12-31\t10\r\n2027-01-01\t20\r\n2027-01-02\t30\r\n"),
      createRow: newRow,
    });
    expect(plan.addedRows).toBe(2);
    expect(plan.target).toEqual({ top: 1, left: 1, bottom: 3, right: 2 });
    expect(plan.extra).toBeUndefined();
    store.apply(plan.operation!, "paste");
    expect(store.rows.map((row) => row.cells)).toEqual([
      { hs_title: "T0" },
      { hs_title: "T1", hs_expiration_date: "2026-12-31", amount: "10" },
      { hs_expiration_date: "2027-01-01", amount: "20" },
      { hs_expiration_date: "2027-01-02", amount: "30" },
    ]);
    store.undo();
    // Undo writes "" back where a cell was missing; both mean empty.
    expect(store.rows.map((row) => Object.values(row.cells).filter(Boolean))).toEqual([["T0"], ["T1"]]);
    store.redo();
    expect(store.rows).toHaveLength(4);
  });

  it("reports pasted columns beyond the last column with their headers instead of dropping them", () => {
    const plan = planPaste({
      rows: [],
      columns,
      selection: collapsed(cell(0, 1)),
      data: parseTsv("Expires\tAmount\tDiscount\tNotes\n2026-12-31\t5\t\tcall\n2027-01-01\t6\t\t\n"),
      createRow: newRow,
    });
    expect(plan.extra).toEqual({ count: 2, firstRow: ["Discount", "Notes"], rowsWithValues: 2 });
    expect(plan.target).toEqual({ top: 0, left: 1, bottom: 2, right: 2 });
    expect(plan.addedRows).toBe(3);
  });

  it("fills a multi-cell selection with one pasted value", () => {
    const store = storeWith(3);
    const selection = extendTo(collapsed(cell(0, 0)), cell(2, 1));
    const plan = planPaste({ rows: store.rows, columns, selection, data: [["X"]], createRow: newRow });
    store.apply(plan.operation!);
    expect(store.rows.map((row) => [row.cells.hs_title, row.cells.hs_expiration_date])).toEqual([
      ["X", "X"],
      ["X", "X"],
      ["X", "X"],
    ]);
    expect(plan.addedRows).toBe(0);
  });

  it("normalizes each value for its column", () => {
    const plan = planPaste({
      rows: [],
      columns,
      selection: collapsed(cell(0, 2)),
      data: [["1,234.50"]],
      normalize: (key, text) => (key === "amount" ? text.replace(",", "") : text),
      createRow: newRow,
    });
    const store = new BatchStore();
    store.apply(plan.operation!);
    expect(store.rows[0]?.cells).toEqual({ amount: "1234.50" });
  });

  it("pastes 2,000 rows quickly", () => {
    const text = Array.from({ length: 2000 }, (_, i) => `Quote ${i}\t2026-12-31\t${i}`).join("\r\n");
    const store = new BatchStore();
    const started = performance.now();
    const plan = planPaste({
      rows: store.rows,
      columns,
      selection: collapsed(cell(0, 0)),
      data: parseTsv(text),
      createRow: newRow,
    });
    store.apply(plan.operation!);
    expect(performance.now() - started).toBeLessThan(500);
    expect(store.rows).toHaveLength(2000);
    expect(store.rows[1999]?.cells.amount).toBe("1999");
  });

  it("does nothing with empty clipboard text", () => {
    const plan = planPaste({
      rows: [],
      columns,
      selection: collapsed(cell(0, 0)),
      data: [],
      createRow: newRow,
    });
    expect(plan.operation).toBeUndefined();
  });
});
