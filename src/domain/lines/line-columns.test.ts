import { describe, expect, it } from "vitest";
import { property } from "../columns/property-fixtures.ts";
import { discountKey, lineColumns } from "./line-columns.ts";

const number = (name: string, extra = {}) =>
  property({ name, type: "number", fieldType: "number", ...extra });

describe("lineColumns", () => {
  it("puts product, quantity, unit price and discount first, then the other writable properties", () => {
    const columns = lineColumns([
      property({ name: "description", displayOrder: 3 }),
      number("discount"),
      number("hs_discount_percentage"),
      number("price", { label: "Price" }),
      number("quantity"),
      property({ name: "hs_product_id" }),
      number("hs_position_on_quote"),
      number("amount", { calculated: true }),
      property({ name: "createdate", modificationMetadata: { readOnlyValue: true } }),
      property({ name: "batch_line_key", hasUniqueValue: true }),
      property({ name: "my_custom", displayOrder: 1 }),
      property({ name: "secret", hidden: true }),
    ]);
    expect(columns.map((column) => column.key)).toEqual([
      "hs_product_id",
      "quantity",
      "price",
      "discount",
      "my_custom",
      "description",
    ]);
    expect(columns.map((column) => column.label).slice(0, 3)).toEqual(["Product", "quantity", "Unit price"]);
    expect(discountKey(columns)).toBe("discount");
  });

  it("uses hs_discount_percentage as the discount column when the portal has no discount", () => {
    const columns = lineColumns([property({ name: "hs_product_id" }), number("hs_discount_percentage")]);
    expect(columns.map((column) => column.key)).toEqual(["hs_product_id", "hs_discount_percentage"]);
    expect(discountKey(columns)).toBe("hs_discount_percentage");
  });
});
