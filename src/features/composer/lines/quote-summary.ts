import type { BatchDefaults } from "../../../domain/batch/defaults.ts";
import type { BatchRow } from "../../../domain/batch/row.ts";
import { type ProductPrice, quoteTotal } from "../../../domain/lines/line-totals.ts";
import type { Translate } from "../../../i18n/use-t.ts";
import { formatMoney } from "./money.ts";

/** How amounts are written: the portal's company currency (a quote without one is in it) and the UI's locale. */
export interface MoneyContext {
  portalCurrency?: string | undefined;
  locale?: string | undefined;
}

/** The quote's currency: its own cell, else the batch default, else the portal's company currency. */
export function quoteCurrency(
  row: BatchRow,
  defaults: BatchDefaults,
  portalCurrency?: string,
): string | undefined {
  return row.cells.hs_currency || defaults.cells.hs_currency || portalCurrency || undefined;
}

/** "3 lines · €1,250.00" (¥ without decimals: Intl knows each currency's digits) (with "+" when some line cannot be priced yet); "No lines" for an empty quote. */
export function quoteSummary(
  row: BatchRow,
  defaults: BatchDefaults,
  price: ProductPrice,
  t: Translate,
  money: MoneyContext = {},
): string {
  const total = quoteTotal(row, price);
  if (total.lineCount === 0) return t("lines.summary.none");
  return t("lines.summary", {
    count: total.lineCount,
    amount: formatMoney(total.amount, quoteCurrency(row, defaults, money.portalCurrency), money.locale),
    incomplete: total.unknown > 0 ? "yes" : "no",
  });
}
