import { describe, expect, it } from "vitest";
import { NO_DEFAULTS } from "../../../domain/batch/defaults.ts";
import { createLine, createRow } from "../../../domain/batch/row.ts";
import { formatMoney } from "./money.ts";
import { quoteCurrency, quoteSummary } from "./quote-summary.ts";

describe("quote totals", () => {
  it("show their currency, yen without decimals, in the UI's locale", () => {
    expect(formatMoney(1250, "USD", "en-US")).toBe("$1,250.00");
    expect(formatMoney(1250, "JPY", "ja-JP")).toMatch(/^[￥¥]1,250$/);
    expect(formatMoney(1250.5, undefined, "en-US")).toBe("1,250.50");
  });

  it("a quote without a currency of its own is in the batch default's, else the portal's", () => {
    const row = createRow({ hs_title: "A" }, "a", [createLine({ quantity: "2", price: "10" }, "l")]);
    expect(quoteCurrency(row, NO_DEFAULTS, "JPY")).toBe("JPY");
    expect(quoteCurrency(row, { cells: { hs_currency: "EUR" }, publish: false }, "JPY")).toBe("EUR");
    const t = (id: string, values?: Record<string, unknown>) => `${id} ${JSON.stringify(values)}`;
    expect(
      quoteSummary(row, NO_DEFAULTS, () => undefined, t, { portalCurrency: "USD", locale: "en-US" }),
    ).toContain('"amount":"$20.00"');
  });
});
