import { describe, expect, it } from "vitest";
import type { BatchOperation } from "../batch/operations.ts";
import { createLine, createRow } from "../batch/row.ts";
import {
  matchProductTerms,
  productTermsInOperation,
  productTermsInRows,
  rowsWithProductIds,
  withProductIds,
} from "./product-terms.ts";

const library = [
  { id: "11", name: "Widget", sku: "W-1" },
  { id: "12", name: "Gadget", sku: "G-1" },
  { id: "13", name: "Gadget", sku: "G-2" },
  { id: "14", name: "サポート年間", sku: undefined },
];

describe("product names and SKUs in line cells", () => {
  it("matches a SKU first, then a unique name, NFKC and case-insensitive; never guesses between two", () => {
    const matches = matchProductTerms(
      ["w-1", "ＷＩＤＧＥＴ", "Gadget", "g-2", "サポート年間 ", "Nothing"],
      library,
    );
    expect(Object.fromEntries(matches)).toEqual({
      "w-1": { kind: "found", id: "11" },
      ＷＩＤＧＥＴ: { kind: "found", id: "11" },
      Gadget: { kind: "ambiguous", count: 2 },
      "g-2": { kind: "found", id: "13" },
      "サポート年間 ": { kind: "found", id: "14" },
      Nothing: { kind: "none" },
    });
  });

  it("finds the terms of a line paste and replaces matched ones in one operation (one undo step)", () => {
    const operation: BatchOperation = {
      type: "sequence",
      operations: [
        {
          type: "set-cells",
          edits: [
            { rowId: "q", lineId: "a", key: "hs_product_id", value: "W-1" },
            { rowId: "q", lineId: "a", key: "quantity", value: "W-1" },
            { rowId: "q", lineId: "b", key: "hs_product_id", value: "12" },
          ],
        },
        {
          type: "insert-lines",
          rowId: "q",
          inserts: [{ index: 2, line: createLine({ hs_product_id: "Nothing", quantity: "1" }, "c") }],
        },
      ],
    };
    expect(productTermsInOperation(operation)).toEqual(["W-1", "Nothing"]);
    const replaced = withProductIds(operation, matchProductTerms(["W-1", "Nothing"], library));
    expect(replaced).toEqual({
      type: "sequence",
      operations: [
        {
          type: "set-cells",
          edits: [
            { rowId: "q", lineId: "a", key: "hs_product_id", value: "11" },
            { rowId: "q", lineId: "a", key: "quantity", value: "W-1" },
            { rowId: "q", lineId: "b", key: "hs_product_id", value: "12" },
          ],
        },
        {
          type: "insert-lines",
          rowId: "q",
          inserts: [{ index: 2, line: createLine({ hs_product_id: "Nothing", quantity: "1" }, "c") }],
        },
      ],
    });
  });

  it("replaces names in imported rows and keeps rows without names as they are", () => {
    const plain = createRow({ hs_title: "A" }, "a", [createLine({ hs_product_id: "12" }, "l1")]);
    const named = createRow({ hs_title: "B" }, "b", [createLine({ hs_product_id: "Widget" }, "l2")]);
    expect(productTermsInRows([plain, named])).toEqual(["Widget"]);
    const [first, second] = rowsWithProductIds([plain, named], matchProductTerms(["Widget"], library));
    expect(first).toBe(plain);
    expect(second?.lines[0]?.cells.hs_product_id).toBe("11");
  });
});
