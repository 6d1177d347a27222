import { describe, expect, it, vi } from "vitest";
import { BatchStore } from "../batch/batch-store.ts";
import { createRow } from "../batch/row.ts";
import { availableColumns } from "../columns/build-columns.ts";
import { applyLayout } from "../columns/layout.ts";
import { QUOTE_PROPERTIES } from "../columns/property-fixtures.ts";
import { BatchValidator } from "./batch-validator.ts";
import { RowRules } from "./row-rules.ts";

const DEAL = "assoc:deals:HUBSPOT_DEFINED:64";
const TEMPLATE = "assoc:quote_template:HUBSPOT_DEFINED:286";
const columns = applyLayout(availableColumns(QUOTE_PROPERTIES, {}), undefined);
const rules = (isMissing?: (type: string, id: string) => boolean) =>
  new RowRules({ properties: QUOTE_PROPERTIES, columns, today: "2026-11-29", isMissing });
const good = { hs_title: "Q", hs_expiration_date: "2026-12-31", [DEAL]: "1", [TEMPLATE]: "2" };

function setup(rows = [createRow(good, "a"), createRow({ hs_title: "B" }, "b"), createRow({}, "c")]) {
  const store = new BatchStore(rows);
  const validator = new BatchValidator(rules());
  validator.revalidate(store.rows, { touched: "all", removed: [] });
  store.subscribe((change) => validator.revalidate(store.rows, change));
  return { store, validator };
}

describe("row rules", () => {
  it("ignores empty rows and passes a complete row", () => {
    expect(rules().checkRow(createRow({ hs_title: "", [DEAL]: "" }))).toEqual([]);
    expect(rules().checkRow(createRow(good))).toEqual([]);
  });

  it("requires a name and an expiration date, and warns (only) when deal or template are missing", () => {
    const issues = rules().checkRow(createRow({ hs_status: "DRAFT" }, "r"));
    expect(issues.map((i) => [i.columnKey, i.severity])).toEqual([
      ["hs_title", "error"],
      ["hs_expiration_date", "error"],
      [DEAL, "warning"],
      [TEMPLATE, "warning"],
    ]);
  });

  it("rejects an expiration date before the injected today, accepts today", () => {
    const past = rules().checkRow(createRow({ ...good, hs_expiration_date: "2026-11-28" }));
    expect(past[0]?.message).toEqual({
      code: "date.past",
      values: { date: "2026-11-28", today: "2026-11-29" },
    });
    expect(rules().checkRow(createRow({ ...good, hs_expiration_date: "2026-11-29" }))).toEqual([]);
  });

  it("keeps invalid values as they are and flags ids known not to exist", () => {
    const row = createRow({ ...good, hs_discount: "lots", [DEAL]: "404" });
    const issues = rules((type, id) => type === "deals" && id === "404").checkRow(row);
    expect(issues.map((i) => i.message)).toEqual([
      { code: "association.missing", values: { count: 1, ids: ["404"], object: "deals" } },
      { code: "value.number", values: { value: "lots" } },
    ]);
    expect(row.cells.hs_discount).toBe("lots");
  });
});

describe("BatchValidator", () => {
  it("counts errors and warnings, and looks issues up by cell", () => {
    const { validator } = setup();
    expect(validator.counts()).toEqual({ errors: 1, warnings: 2 });
    expect(validator.issueFor("b", "hs_expiration_date")?.severity).toBe("error");
    expect(validator.issueFor("a", "hs_title")).toBeUndefined();
    expect(validator.issuesForRow("c")).toEqual([]);
  });

  it("re-checks only the rows a change touched", () => {
    const { store, validator } = setup();
    const before = validator.rowsChecked;
    store.apply({
      type: "set-cells",
      edits: [{ rowId: "b", key: "hs_expiration_date", value: "2027-01-01" }],
    });
    expect(validator.rowsChecked - before).toBe(1);
    expect(validator.counts()).toEqual({ errors: 0, warnings: 2 });
    store.apply({ type: "remove-rows", rowIds: ["b"] });
    expect(validator.rowsChecked - before).toBe(1);
    expect(validator.counts()).toEqual({ errors: 0, warnings: 0 });
    store.undo();
    expect(validator.rowsChecked - before).toBe(2);
    expect(validator.counts()).toEqual({ errors: 0, warnings: 2 });
  });

  it("calls the checker once per touched row, even in a large batch", () => {
    const rows = Array.from({ length: 2000 }, (_, i) => createRow({ ...good, hs_title: `Q${i}` }, `r${i}`));
    const store = new BatchStore(rows);
    const checker = rules();
    const spy = vi.spyOn(checker, "checkRow");
    const validator = new BatchValidator(checker);
    validator.revalidate(store.rows, { touched: "all", removed: [] });
    store.subscribe((change) => validator.revalidate(store.rows, change));
    spy.mockClear();
    store.apply({ type: "set-cells", edits: [{ rowId: "r1500", key: "hs_discount", value: "x" }] });
    expect(spy).toHaveBeenCalledTimes(1);
    expect(validator.all().map((issue) => issue.rowId)).toEqual(["r1500"]);
  });

  it("orders all issues by row position, then column (columns the layout hides last)", () => {
    const { store, validator } = setup();
    store.apply({
      type: "insert-rows",
      inserts: [
        {
          index: 0,
          row: createRow({ hs_title: "Top", hs_discount: "x", hs_expiration_date: "2027-01-01" }, "z"),
        },
      ],
    });
    expect(validator.all().map((i) => `${i.rowId}:${i.columnKey}`)).toEqual([
      `z:${DEAL}`,
      `z:${TEMPLATE}`,
      "z:hs_discount",
      "b:hs_expiration_date",
      `b:${DEAL}`,
      `b:${TEMPLATE}`,
    ]);
  });

  it("defers a change without checking, then checks rows by id (skipping gone ones)", () => {
    const { store, validator } = setup();
    const before = validator.rowsChecked;
    store.apply({ type: "set-cells", edits: [{ rowId: "b", key: "hs_discount", value: "x" }] });
    const next = [...store.rows, createRow({ hs_status: "DRAFT" }, "d")];
    validator.defer(next, { touched: new Set(["b", "d"]), removed: ["c"] });
    // Stale results of touched rows are gone until checked again.
    expect(validator.issuesForRow("b")).toEqual([]);
    expect(validator.counts()).toEqual({ errors: 0, warnings: 0 });
    validator.checkRows(["d", "gone", "b"]);
    expect(validator.rowsChecked - before).toBe(3);
    expect(validator.counts()).toEqual({ errors: 4, warnings: 4 });
    validator.reset(next);
    expect(validator.counts()).toEqual({ errors: 0, warnings: 0 });
    expect(validator.all()).toEqual([]);
  });

  it("rebuilds row positions at most once per rows array, even for ids no longer there", () => {
    const validator = new BatchValidator(rules());
    const rows = Array.from({ length: 500 }, (_, i) => createRow({ hs_title: `Q${i}` }, `r${i}`));
    validator.revalidate(rows, { touched: "all", removed: [] });
    const shifted = [createRow({}, "new"), ...rows];
    const forEach = vi.spyOn(shifted, "forEach");
    validator.defer(shifted, { touched: new Set(["new"]), removed: [] });
    validator.checkRows(["gone1", ...rows.map((row) => row.id), "gone2"]);
    validator.checkRows(["gone3"]);
    expect(forEach).toHaveBeenCalledTimes(1);
    expect(validator.counts().errors).toBe(500);
  });
});
