import { describe, expect, it } from "vitest";
import { AccountDetails } from "../hubspot/account.ts";
import { BatchResponse } from "../hubspot/batch-create.ts";
import { PropertyList } from "../hubspot/properties.ts";
import { ObjectCollection } from "../hubspot/search.ts";
import { createSimulator, type SimulatorOptions } from "./simulator.ts";
import { call, fakeClock, seededCrm, validLineItemInput, validQuoteInput } from "./test-kit.ts";

const jpCrm = seededCrm(42, "jp");

function sim(options: SimulatorOptions = {}, start?: number) {
  const clock = fakeClock(start);
  return createSimulator({ clock, portal: "jp", ...options });
}

async function properties(simulator: ReturnType<typeof sim>, type = "quotes") {
  const res = await call(simulator, "GET", `/crm/v3/properties/${type}`);
  const list = PropertyList.parse(res.json).results;
  return (name: string) => list.find((p) => p.name === name);
}

describe("the Japanese portal (portal: jp)", () => {
  it("is a JPY account with USD, in Asia/Tokyo", async () => {
    const account = AccountDetails.parse((await call(sim(), "GET", "/account-info/v3/details")).json);
    expect(account).toMatchObject({
      companyCurrency: "JPY",
      additionalCurrencies: ["USD"],
      timeZone: "Asia/Tokyo",
    });
    expect(account.utcOffsetMilliseconds).toBe(9 * 3_600_000);
  });

  it("labels properties and options in Japanese; names and values stay", async () => {
    const quote = await properties(sim());
    expect(quote("hs_title")?.label).toBe("見積もり名");
    expect(quote("hs_expiration_date")?.label).toBe("有効期限");
    expect(quote("hs_status")?.options.find((o) => o.value === "DRAFT")?.label).toBe("下書き");
    expect(quote("hs_currency")?.options.map((o) => [o.value, o.label])).toEqual([
      ["JPY", "日本円"],
      ["USD", "米ドル"],
    ]);
    expect(quote("hs_locale")?.options.map((o) => o.value)).toContain("ja-jp");
    expect(quote("hs_esign_enabled")?.options.map((o) => o.label)).toEqual(["はい", "いいえ"]);
    const line = await properties(sim(), "line_items");
    expect([line("quantity")?.label, line("price")?.label, line("discount")?.label]).toEqual([
      "数量",
      "単価",
      "割引（%）",
    ]);
    expect((await properties(sim(), "products"))("hs_price_usd")?.label).toBe("単価（USD）");
  });

  it("accepts JPY as hs_currency and ja-jp as hs_locale; the US portal refuses both", async () => {
    const input = validQuoteInput("jp", { hs_currency: "JPY", hs_locale: "ja-jp" }, 42, "jp");
    const jp = await call(sim(), "POST", "/crm/v3/objects/quotes/batch/create", { inputs: [input] });
    expect(jp.status).toBe(201);
    const us = await call(
      createSimulator({ clock: fakeClock() }),
      "POST",
      "/crm/v3/objects/quotes/batch/create",
      {
        inputs: [validQuoteInput("us", { hs_currency: "JPY", hs_locale: "ja-jp" })],
      },
    );
    expect(BatchResponse.parse(us.json).errors?.[0]?.context?.propertyName).toEqual([
      "hs_currency",
      "hs_locale",
    ]);
  });

  it("has a Japanese CRM: 株式会社 companies, Japanese names, deals in yen, products and templates in Japanese", () => {
    expect(jpCrm.companies.filter((c) => c.properties.name?.includes("株式会社")).length).toBeGreaterThan(30);
    expect(
      jpCrm.companies.every((c) => /^[a-z0-9-]+\d*\.(co\.jp|jp|com)$/.test(c.properties.domain ?? "")),
    ).toBe(true);
    const contact = jpCrm.contacts[0]?.properties;
    expect(contact?.fullname).toBe(`${contact?.lastname} ${contact?.firstname}`);
    expect(contact?.email).toMatch(/^[a-z]+\.[a-z]+\d*@/);
    const yen = jpCrm.deals.filter((d) => d.properties.deal_currency_code === "JPY");
    expect(yen.length).toBeGreaterThan(150);
    expect(jpCrm.deals.some((d) => d.properties.deal_currency_code === "USD")).toBe(true);
    expect(jpCrm.products.every((p) => /^\d+$/.test(p.properties.price ?? ""))).toBe(true);
    expect(jpCrm.products[0]?.properties.name).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    expect(jpCrm.quote_template.map((t) => t.properties.hs_name)).toContain("標準見積もり");
  });

  it("finds products by Japanese name; a line item inherits the yen price and is in JPY", async () => {
    const simulator = sim();
    const found = await call(simulator, "POST", "/crm/v3/objects/products/search", {
      query: "分析モジュール",
    });
    const product = ObjectCollection.parse(found.json).results[0];
    expect(product?.properties.name).toContain("分析モジュール");
    const res = await call(simulator, "POST", "/crm/v3/objects/line_items/batch/create", {
      inputs: [validLineItemInput("l", { hs_product_id: product?.id ?? "", quantity: "3" })],
    });
    const line = BatchResponse.parse(res.json).results[0]?.properties;
    expect(line?.hs_line_item_currency_code).toBe("JPY");
    expect(line?.amount).toBe(String(Number(product?.properties.price) * 3));
  });

  it("judges expiry by the portal's date: at 00:30 JST on 1 January a quote expiring 31 December is expired", async () => {
    const justAfterMidnightJst = Date.UTC(2026, 11, 31, 15, 30);
    async function publish(simulator: ReturnType<typeof sim>, portal: "us" | "jp") {
      const created = await call(simulator, "POST", "/crm/v3/objects/quotes/batch/create", {
        inputs: [validQuoteInput("q", { hs_expiration_date: "2026-12-31" }, 42, portal)],
      });
      const id = BatchResponse.parse(created.json).results[0]?.id ?? "";
      await call(simulator, "POST", "/crm/v3/objects/line_items/batch/create", {
        inputs: [validLineItemInput("l", {}, id, 42, portal)],
      });
      const res = await call(simulator, "POST", "/crm/v3/objects/quotes/batch/update", {
        inputs: [{ id, properties: { hs_status: "APPROVAL_NOT_NEEDED" } }],
      });
      return BatchResponse.parse(res.json);
    }
    const jp = await publish(sim({}, justAfterMidnightJst), "jp");
    expect(jp.errors?.[0]?.errors?.[0]?.code).toBe("QUOTE_EXPIRED");
    expect(jp.errors?.[0]?.message).toContain("today is 2027-01-01");
    const usSim = createSimulator({ clock: fakeClock(justAfterMidnightJst) });
    const us = await publish(usSim, "us");
    expect(us.errors ?? []).toEqual([]);
    expect(us.results[0]?.properties.hs_quote_number).toMatch(/^20261231-/);
  });
});
