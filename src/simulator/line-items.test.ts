import { describe, expect, it } from "vitest";
import { BatchResponse, traceIdOfError } from "../hubspot/batch-create.ts";
import { ApiErrorBody } from "../hubspot/errors.ts";
import { ObjectCollection } from "../hubspot/search.ts";
import { createSimulator } from "./simulator.ts";
import { call, fakeClock, seededCrm, validLineItemInput, validQuoteInput } from "./test-kit.ts";

const LINES = "/crm/v3/objects/line_items/batch/create";
const crm = seededCrm();
const product = crm.products[0];
const recurring = crm.products.find((p) => p.properties.hs_recurring_billing_period === "P12M");

function sim() {
  const clock = fakeClock();
  return createSimulator({ clock });
}

async function createQuote(simulator = sim(), traceId = "q") {
  const res = await call(simulator, "POST", "/crm/v3/objects/quotes/batch/create", {
    inputs: [validQuoteInput(traceId)],
  });
  return BatchResponse.parse(res.json).results[0]?.id ?? "";
}

async function lines(simulator: ReturnType<typeof sim>, inputs: unknown[]) {
  const res = await call(simulator, "POST", LINES, { inputs });
  return { ...res, body: res.status < 300 ? BatchResponse.parse(res.json) : undefined };
}

describe("the product library", () => {
  it("holds a few hundred products with unique SKUs, some recurring", () => {
    expect(crm.products.length).toBeGreaterThanOrEqual(200);
    const skus = new Set(crm.products.map((p) => p.properties.hs_sku));
    expect(skus.size).toBe(crm.products.length);
    expect(recurring?.properties.price).toMatch(/^\d+\.\d{2}$/);
    expect(crm.products.filter((p) => p.properties.hs_recurring_billing_period).length).toBeGreaterThan(50);
  });

  it("is searched by name and SKU, and read by id", async () => {
    const simulator = sim();
    const byName = await call(simulator, "POST", "/crm/v3/objects/products/search", {
      query: "analytics module",
    });
    const found = ObjectCollection.parse(byName.json);
    expect(found.total).toBeGreaterThan(0);
    expect(found.results.every((r) => /analytics module/i.test(r.properties.name ?? ""))).toBe(true);
    const sku = product?.properties.hs_sku ?? "";
    const bySku = await call(simulator, "POST", "/crm/v3/objects/products/search", {
      filterGroups: [{ filters: [{ propertyName: "hs_sku", operator: "EQ", value: sku }] }],
    });
    expect(ObjectCollection.parse(bySku.json).results.map((r) => r.id)).toEqual([product?.id]);
    const read = await call(simulator, "POST", "/crm/v3/objects/products/batch/read", {
      inputs: [{ id: product?.id }, { id: "404" }],
      properties: ["name", "price", "hs_sku"],
    });
    expect(read.status).toBe(207);
    const body = BatchResponse.parse(read.json);
    expect(body.results[0]?.properties.price).toBe(product?.properties.price);
    expect(body.errors?.[0]?.context?.ids).toEqual(["404"]);
  });
});

describe("line items: batch create", () => {
  it("inherits the product's name, price and term; calculates the amount", async () => {
    const res = await lines(sim(), [
      validLineItemInput("a", { hs_product_id: recurring?.id ?? "", quantity: "3", discount: "10" }),
    ]);
    expect(res.status).toBe(201);
    const created = res.body?.results[0];
    const price = Number(recurring?.properties.price);
    expect(created?.objectWriteTraceId).toBe("a");
    expect(created?.properties.name).toBe(recurring?.properties.name);
    expect(created?.properties.price).toBe(recurring?.properties.price);
    expect(created?.properties.hs_recurring_billing_period).toBe("P12M");
    expect(Number(created?.properties.amount)).toBeCloseTo(3 * price * 0.9, 2);
  });

  it("an explicit price overrides the product's", async () => {
    const res = await lines(sim(), [validLineItemInput("a", { price: "0" })]);
    expect(res.body?.results[0]?.properties.price).toBe("0");
    expect(res.body?.results[0]?.properties.amount).toBe("0");
  });

  it.each([
    ["a product that does not exist", { hs_product_id: "123" }, "hs_product_id", "INVALID_OBJECT_ID"],
    ["quantity 0", { quantity: "0" }, "quantity", "INVALID_PROPERTY_VALUE"],
    ["a negative price", { price: "-1" }, "price", "INVALID_PROPERTY_VALUE"],
    ["a discount above 100", { discount: "120" }, "discount", "INVALID_PROPERTY_VALUE"],
    [
      "a negative percentage",
      { hs_discount_percentage: "-5" },
      "hs_discount_percentage",
      "INVALID_PROPERTY_VALUE",
    ],
    [
      "a term that is not ISO 8601",
      { hs_recurring_billing_period: "12 months" },
      "hs_recurring_billing_period",
      "INVALID_PROPERTY_VALUE",
    ],
    ["an unknown property", { colour: "red" }, "colour", "PROPERTY_DOESNT_EXIST"],
    ["a calculated property", { amount: "5" }, "amount", "READ_ONLY_VALUE"],
    ["a read-only property", { hs_object_id: "5" }, "hs_object_id", "READ_ONLY_VALUE"],
    [
      "a currency the portal lacks",
      { hs_line_item_currency_code: "JPY" },
      "hs_line_item_currency_code",
      "INVALID_OPTION",
    ],
    ["no product and no name", { hs_product_id: "", price: "5" }, "name", "REQUIRED_PROPERTY_MISSING"],
  ])("refuses %s, by objectWriteTraceId (207)", async (_name, properties, propertyName, code) => {
    const simulator = sim();
    const res = await lines(simulator, [validLineItemInput("good"), validLineItemInput("bad", properties)]);
    expect(res.status).toBe(207);
    const error = res.body?.errors?.[0];
    expect(error && traceIdOfError(error)).toBe("bad");
    expect(error?.context?.propertyName).toContain(propertyName);
    expect(error?.errors?.map((e) => e.code)).toContain(code);
    expect(simulator.createdLineItems().map((item) => item.objectWriteTraceId)).toEqual(["good"]);
  });

  it("refuses more than 100 inputs, and an untraced bad input fails the whole request", async () => {
    const simulator = sim();
    const many = Array.from({ length: 101 }, (_, i) => validLineItemInput(`l${i}`));
    expect((await lines(simulator, many)).status).toBe(400);
    const { objectWriteTraceId: _t, ...untraced } = validLineItemInput("x", { quantity: "-1" });
    const res = await lines(simulator, [validLineItemInput("ok"), untraced]);
    expect(res.status).toBe(400);
    expect(ApiErrorBody.parse(res.json).category).toBe("VALIDATION_ERROR");
    expect(simulator.createdLineItems()).toEqual([]);
  });

  it("the unique key conflicts with a stored line item, naming it", async () => {
    const simulator = sim();
    const first = await lines(simulator, [validLineItemInput("a", { batch_line_key: "row-1:line-1" })]);
    const res = await lines(simulator, [validLineItemInput("b", { batch_line_key: "row-1:line-1" })]);
    expect(res.body?.errors?.[0]?.category).toBe("CONFLICT");
    expect(res.body?.errors?.[0]?.message).toContain(`Existing ID: ${first.body?.results[0]?.id}`);
    const read = await call(simulator, "POST", "/crm/v3/objects/line_items/batch/read", {
      inputs: [{ id: "row-1:line-1" }],
      idProperty: "batch_line_key",
      properties: ["amount"],
    });
    expect(BatchResponse.parse(read.json).results.map((r) => r.id)).toEqual([first.body?.results[0]?.id]);
  });
});

describe("one parent per line item", () => {
  it("a line item created with 68 belongs to its quote; associating it with another quote (67) fails", async () => {
    const simulator = sim();
    const quoteId = await createQuote(simulator);
    const created = await lines(simulator, [validLineItemInput("l", {}, quoteId)]);
    const lineId = created.body?.results[0]?.id ?? "";
    const res = await call(simulator, "POST", "/crm/v3/objects/quotes/batch/create", {
      inputs: [
        {
          ...validQuoteInput("second"),
          associations: [
            ...validQuoteInput("second").associations,
            {
              to: { id: lineId },
              types: [{ associationCategory: "HUBSPOT_DEFINED", associationTypeId: 67 }],
            },
          ],
        },
      ],
    });
    expect(res.status).toBe(207);
    const error = BatchResponse.parse(res.json).errors?.[0];
    expect(error?.message).toContain(`already belongs to quote ${quoteId}`);
  });

  it("a line item with two parents, or one to a missing quote, fails for that input", async () => {
    const simulator = sim();
    const quoteId = await createQuote(simulator);
    const twoParents = validLineItemInput("two", {}, quoteId);
    twoParents.associations.push({
      to: { id: crm.deals[0]?.id ?? "" },
      types: [{ associationCategory: "HUBSPOT_DEFINED", associationTypeId: 20 }],
    });
    const res = await lines(simulator, [twoParents, validLineItemInput("missing", {}, "61999999999")]);
    expect(res.status).toBe(207);
    const codes = Object.fromEntries(
      (res.body?.errors ?? []).map((e) => [traceIdOfError(e), e.errors?.map((d) => d.code)]),
    );
    expect(codes.two).toContain("TOO_MANY_PARENTS");
    expect(codes.missing).toContain("ASSOCIATION_TARGET_NOT_FOUND");
  });
});
