import { describe, expect, it } from "vitest";
import { createRow } from "../batch/row.ts";
import { property } from "../columns/property-fixtures.ts";
import { groupLineRecords, hasLineTargets } from "./group-lines.ts";
import { defaultGroupKey, groupKeyCandidates, lineMappingTargets } from "./line-targets.ts";

const record = (cells: Record<string, string>, id: string) => createRow(cells, id);

describe("grouping line-item records into quotes", () => {
  it("makes one quote per key, in first-seen order, with one line per record", () => {
    const grouped = groupLineRecords(
      [
        record(
          {
            hs_title: "Acme",
            hs_expiration_date: "2030-01-01",
            "line:hs_product_id": "1",
            "line:quantity": "2",
          },
          "r1",
        ),
        record({ hs_title: "Globex", "line:hs_product_id": "2", "line:quantity": "1" }, "r2"),
        record({ hs_title: "Acme", hs_expiration_date: "2030-01-01", "line:hs_product_id": "3" }, "r3"),
        record({ hs_title: "", "line:hs_product_id": "4" }, "r4"),
      ],
      "hs_title",
    );
    expect(
      grouped.rows.map((row) => [row.id, row.cells.hs_title, row.lines.map((l) => l.cells.hs_product_id)]),
    ).toEqual([
      ["r1", "Acme", ["1", "3"]],
      ["r2", "Globex", ["2"]],
    ]);
    expect(grouped.rows[0]?.cells).toEqual({ hs_title: "Acme", hs_expiration_date: "2030-01-01" });
    expect(grouped.rows[0]?.lines[0]?.cells).toEqual({ hs_product_id: "1", quantity: "2" });
    expect(grouped.lineCount).toBe(3);
    expect(grouped.ungrouped).toEqual([{ index: 3, reason: "no-key" }]);
    expect(grouped.conflicts).toEqual([]);
  });

  it("keeps the first value of a quote column that differs between its records, and reports it", () => {
    const grouped = groupLineRecords(
      [
        record({ key: "Q1", hs_title: "One", "line:quantity": "1" }, "a"),
        record({ key: "Q1", hs_title: "Uno", hs_currency: "EUR", "line:quantity": "2" }, "b"),
        record({ key: "Q1", hs_title: "One" }, "c"),
      ],
      "key",
    );
    expect(grouped.rows).toHaveLength(1);
    expect(grouped.rows[0]?.cells).toEqual({ key: "Q1", hs_title: "One", hs_currency: "EUR" });
    expect(grouped.rows[0]?.lines).toHaveLength(2);
    expect(grouped.conflicts).toEqual([
      { group: "Q1", key: "hs_title", index: 1, kept: "One", dropped: "Uno" },
    ]);
  });
});

describe("line-item mapping targets", () => {
  it("offers the portal's line-item columns and groups by a quote key before the quote name", () => {
    const targets = lineMappingTargets([
      property({ name: "hs_product_id" }),
      property({ name: "quantity", type: "number", fieldType: "number" }),
    ]);
    expect(targets.map((t) => [t.key, t.label])).toEqual([
      ["line:hs_product_id", "Line item: Product"],
      ["line:quantity", "Line item: quantity"],
    ]);
    expect(hasLineTargets(targets.map((t) => t.key))).toBe(true);
    const title = {
      kind: "property" as const,
      key: "hs_title",
      label: "Quote name",
      property: property({ name: "hs_title" }),
      required: true,
    };
    const quoteKey = {
      kind: "property" as const,
      key: "batch_row_key",
      label: "Batch row key",
      property: property({ name: "batch_row_key", hasUniqueValue: true }),
      required: false,
    };
    expect(defaultGroupKey([title, ...targets])).toBe("hs_title");
    expect(defaultGroupKey([title, quoteKey, ...targets])).toBe("batch_row_key");
    expect(groupKeyCandidates([title, quoteKey, ...targets]).map((t) => t.key)).toEqual([
      "batch_row_key",
      "hs_title",
    ]);
  });
});
