import { describe, expect, it } from "vitest";
import { createLine, createRow } from "../batch/row.ts";
import { lineAmount, quoteTotal, unitPrice } from "./line-totals.ts";

const prices: Record<string, number> = { "101": 50 };
const productPrice = (id: string) => prices[id];

describe("line totals", () => {
  it("takes the line's own price, else its product's", () => {
    expect(unitPrice(createLine({ hs_product_id: "101" }), productPrice)).toBe(50);
    expect(unitPrice(createLine({ hs_product_id: "101", price: "0" }), productPrice)).toBe(0);
    expect(unitPrice(createLine({ hs_product_id: "999" }), productPrice)).toBeUndefined();
  });

  it("works out quantity × price less the discount, as HubSpot does", () => {
    expect(
      lineAmount(createLine({ hs_product_id: "101", quantity: "3", discount: "10" }), productPrice),
    ).toBe(135);
    expect(
      lineAmount(createLine({ quantity: "2", price: "9.99", hs_discount_percentage: "50" }), productPrice),
    ).toBe(9.99);
    expect(lineAmount(createLine({ price: "5" }), productPrice)).toBeUndefined();
  });

  it("sums a quote's lines and counts the ones it cannot price yet", () => {
    const row = createRow({}, "q", [
      createLine({ hs_product_id: "101", quantity: "1" }),
      createLine({ price: "0.1", quantity: "3" }),
      createLine({ hs_product_id: "999", quantity: "1" }),
    ]);
    expect(quoteTotal(row, productPrice)).toEqual({ lineCount: 3, amount: 50.3, unknown: 1 });
  });
});
