import type { SimContext } from "./context.ts";
import type { StoredQuote } from "./quote-store.ts";

function number(value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === "") return fallback;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : fallback;
}

/** As HubSpot prints amounts: no trailing zeros, at most two decimals. */
export function formatAmount(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/**
 * A line's calculated values: quantity × unit price, less the discount (a percentage here: `discount`, else
 * `hs_discount_percentage`). A line without a quantity counts one unit.
 */
export function lineItemTotals(properties: Record<string, string | undefined>): {
  amount: number;
  discount: number;
} {
  const gross = number(properties.quantity, 1) * number(properties.price, 0);
  const percent = number(properties.discount, number(properties.hs_discount_percentage, 0));
  const discount = (gross * percent) / 100;
  return { amount: gross - discount, discount };
}

/** `hs_quote_amount`: the sum of the quote's own line items. */
export function quoteAmount(ctx: SimContext, quoteId: string): number {
  return ctx.lineItems
    .ofParent({ type: "quotes", id: quoteId })
    .reduce((sum, item) => sum + lineItemTotals(item.properties).amount, 0);
}

/** A quote's properties as reads return them: stored values plus the calculated amount. */
export function quoteView(ctx: SimContext, quote: StoredQuote): Record<string, string> {
  return { ...quote.properties, hs_quote_amount: formatAmount(quoteAmount(ctx, quote.id)) };
}
