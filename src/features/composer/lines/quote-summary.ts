import type { BatchDefaults } from "../../../domain/batch/defaults.ts";
import type { BatchRow } from "../../../domain/batch/row.ts";
import { type ProductPrice, quoteTotal } from "../../../domain/lines/line-totals.ts";
import type { Translate } from "../../../i18n/use-t.ts";
import { formatMoney } from "./money.ts";

/** The quote's currency: its own cell, else the batch default. */
export function quoteCurrency(row: BatchRow, defaults: BatchDefaults): string | undefined {
  return row.cells.hs_currency || defaults.cells.hs_currency || undefined;
}

/** "3 lines · €1,250.00" (with "+" when some line cannot be priced yet); "No lines" for an empty quote. */
export function quoteSummary(
  row: BatchRow,
  defaults: BatchDefaults,
  price: ProductPrice,
  t: Translate,
): string {
  const total = quoteTotal(row, price);
  if (total.lineCount === 0) return t("lines.summary.none");
  return t("lines.summary", {
    count: total.lineCount,
    amount: formatMoney(total.amount, quoteCurrency(row, defaults)),
    incomplete: total.unknown > 0 ? "yes" : "no",
  });
}
