import type { BatchRow, LineRow } from "../batch/row.ts";
import { LINE_KEYS } from "./line-columns.ts";

/** A product's unit price, when the product is known (from the product library lookups). */
export type ProductPrice = (productId: string) => number | undefined;

function number(text: string | undefined): number | undefined {
  if (text === undefined || text.trim() === "") return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/** The unit price a line will have: its own, else its product's (HubSpot copies it on create). */
export function unitPrice(line: LineRow, productPrice: ProductPrice): number | undefined {
  const own = number(line.cells[LINE_KEYS.price]);
  if (own !== undefined) return own;
  const product = line.cells[LINE_KEYS.product]?.trim();
  return product ? productPrice(product) : undefined;
}

/** Quantity × unit price, less the discount percentage, as HubSpot calculates `amount`; undefined if unknown. */
export function lineAmount(line: LineRow, productPrice: ProductPrice): number | undefined {
  const quantity = number(line.cells[LINE_KEYS.quantity]);
  const price = unitPrice(line, productPrice);
  if (quantity === undefined || price === undefined) return undefined;
  const discount = number(line.cells[LINE_KEYS.discount] ?? line.cells[LINE_KEYS.discountPercentage]) ?? 0;
  return Math.round(quantity * price * (1 - discount / 100) * 100) / 100;
}

export interface QuoteTotal {
  lineCount: number;
  /** The sum of the lines whose amount is known. */
  amount: number;
  /** Lines whose amount cannot be worked out yet (no quantity, or a product whose price is not loaded). */
  unknown: number;
}

export function quoteTotal(row: Pick<BatchRow, "lines">, productPrice: ProductPrice): QuoteTotal {
  let amount = 0;
  let unknown = 0;
  for (const line of row.lines) {
    const value = lineAmount(line, productPrice);
    if (value === undefined) unknown += 1;
    else amount += value;
  }
  return { lineCount: row.lines.length, amount: Math.round(amount * 100) / 100, unknown };
}
