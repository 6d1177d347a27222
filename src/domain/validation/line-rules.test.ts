import { describe, expect, it } from "vitest";
import { createFormatter } from "../../i18n/format.ts";
import { issueText } from "../../i18n/issue-text.ts";
import { translateEnglish } from "../../i18n/use-t.ts";
import { createLine, createRow } from "../batch/row.ts";
import { property, QUOTE_PROPERTIES } from "../columns/property-fixtures.ts";
import { LineRules } from "./line-rules.ts";
import { RowRules } from "./row-rules.ts";

const isMissing = (type: string, id: string) => type === "products" && id === "999";
const lines = new LineRules({
  properties: [
    property({ name: "quantity", type: "number", fieldType: "number" }),
    property({
      name: "recurringbillingfrequency",
      type: "enumeration",
      fieldType: "select",
      options: [{ label: "Monthly", value: "monthly", hidden: false }],
    }),
  ],
});

// The rules return codes with values; read here as an English user reads them, so the words stay checked.
const english = issueText(translateEnglish, createFormatter({ locale: "en" }));
const messages = (row: ReturnType<typeof createRow>, currency?: string) =>
  row.lines
    .flatMap((line, i) => lines.check(row, line, i, currency, isMissing))
    .map((issue) => `${issue.columnKey}: ${english(issue.message)}`);

describe("line rules", () => {
  it("accepts a line with a known product and a quantity; the price may come from the product", () => {
    const row = createRow({}, "q", [createLine({ hs_product_id: "101", quantity: "2" })]);
    expect(messages(row)).toEqual([]);
  });

  it("flags a missing or unknown product, a bad quantity, price and discount, in plain words", () => {
    const row = createRow({}, "q", [
      createLine({ hs_product_id: "999", quantity: "0", price: "-1", discount: "120" }, "l1"),
      createLine({ hs_product_id: "Widget", quantity: "abc" }, "l2"),
      createLine({ quantity: "1" }, "l3"),
      createLine({ name: "Setup fee", quantity: "1" }, "l4"),
    ]);
    expect(messages(row)).toEqual([
      "hs_product_id: Line 1: Product 999 is not in the product library. Pick another product.",
      "quantity: Line 1: 0 is not a valid quantity. Enter a number greater than 0.",
      "price: Line 1: -1 is not a valid unit price. Enter 0 or more, or leave it empty for the product's price.",
      "discount: Line 1: 120 is not a valid discount. Enter a percentage from 0 to 100.",
      "hs_product_id: Line 2: “Widget” is not a product of the product library. Type its name or SKU and pick it from the list.",
      "quantity: Line 2: abc is not a valid quantity. Enter a number greater than 0.",
      "hs_product_id: Line 3: Pick a product: type its name or SKU.",
      "price: Line 4: Enter a unit price: a line without a product has no price of its own.",
    ]);
    const issue = lines.check(row, row.lines[0]!, 0, undefined)[0];
    expect(issue).toMatchObject({ rowId: "q", lineId: "l1", severity: "error" });
  });

  it("flags a line in another currency than its quote, and option values of the line's properties", () => {
    const row = createRow({}, "q", [
      createLine({
        hs_product_id: "101",
        quantity: "1",
        hs_line_item_currency_code: "usd",
        recurringbillingfrequency: "weekly",
      }),
    ]);
    const found = messages(row, "EUR");
    expect(found[0]).toBe(
      "hs_line_item_currency_code: Line 1: This line is in USD but its quote is in EUR. Use the quote's currency, or clear the line's.",
    );
    expect(found[1]).toMatch(/^recurringbillingfrequency: Line 1: “weekly” is not an option/);
    expect(messages(row, "usd")).toHaveLength(1);
  });
});

describe("quote rules with lines and defaults", () => {
  const today = "2026-12-01";
  const base = { properties: QUOTE_PROPERTIES, columns: [], today, lines };
  const valid = { hs_title: "Q", hs_expiration_date: "2027-01-01" };
  const deal = { "assoc:deals:HUBSPOT_DEFINED:64": "1" };
  const template = { "assoc:quote_template:HUBSPOT_DEFINED:286": "2" };
  const contact = { "assoc:contacts:HUBSPOT_DEFINED:69": "3" };
  const line = () => [createLine({ hs_product_id: "101", quantity: "1" })];
  const severities = (rules: RowRules, row: ReturnType<typeof createRow>) =>
    rules.checkRow(row).map((issue) => `${issue.severity}: ${issue.message.code}`);

  it("warns about a quote without lines, and makes deal, template and lines errors when the batch publishes", () => {
    const row = createRow(valid, "q");
    expect(severities(new RowRules(base), row)).toEqual([
      "warning: publish.noDeal",
      "warning: publish.noTemplate",
      "warning: publish.noLines",
    ]);
    const publishing = new RowRules({ ...base, defaults: { cells: {}, publish: true } });
    expect(severities(publishing, row)).toEqual([
      "error: publish.noDeal",
      "error: publish.noTemplate",
      "error: publish.noLines",
    ]);
    expect(severities(publishing, createRow({ ...valid, ...deal, ...template }, "q", line()))).toEqual([]);
  });

  it("applies batch defaults before checking: a default template and expiration count for every row", () => {
    const defaults = { cells: { hs_expiration_date: "+30 days", ...template }, publish: false };
    const rules = new RowRules({ ...base, defaults });
    expect(severities(rules, createRow({ hs_title: "Q", ...deal }, "q", line()))).toEqual([]);
    // Defaults alone do not make an empty row a quote.
    expect(rules.checkRow(createRow({}, "blank"))).toEqual([]);
  });

  it("needs a contact, a deal, a template and lines in a CPQ portal", () => {
    const rules = new RowRules({ ...base, quoteSystem: "cpq" });
    expect(severities(rules, createRow(valid, "q"))).toEqual([
      "error: publish.noDeal",
      "error: publish.noTemplate",
      "error: publish.noContact",
      "error: publish.noLines",
    ]);
    expect(severities(rules, createRow({ ...valid, ...deal, ...template, ...contact }, "q", line()))).toEqual(
      [],
    );
  });

  it("reports line problems with the quote row, so validation stays per quote row", () => {
    const rules = new RowRules({ ...base, defaults: { cells: { hs_currency: "EUR" }, publish: false } });
    const row = createRow({ ...valid, ...deal, ...template }, "q", [
      createLine({ hs_product_id: "101", quantity: "1", hs_line_item_currency_code: "JPY" }, "l"),
    ]);
    expect(rules.checkRow(row)).toEqual([
      expect.objectContaining({
        rowId: "q",
        lineId: "l",
        columnKey: "hs_line_item_currency_code",
        severity: "error",
      }),
    ]);
  });
});
