import { describe, expect, it } from "vitest";
import type { AssociationCategory } from "../hubspot/association-labels.ts";
import { BatchResponse, type QuoteCreateInput, traceIdOfError } from "../hubspot/batch-create.ts";
import { ApiErrorBody } from "../hubspot/errors.ts";
import { createSimulator } from "./simulator.ts";
import { call, fakeClock, seededCrm, validQuoteInput } from "./test-kit.ts";

const CREATE = "/crm/v3/objects/quotes/batch/create";
const crm = seededCrm();
const [deal, contact, company, lineItem] = [
  crm.deals[0],
  crm.contacts[0],
  crm.companies[0],
  crm.line_items[0],
];

function sim(seed = 42) {
  const clock = fakeClock();
  return createSimulator({ seed, clock });
}

async function create(inputs: unknown[], simulator = sim()) {
  const res = await call(simulator, "POST", CREATE, { inputs });
  return { ...res, simulator };
}

/** Sends one good and one bad input; returns the bad one's error. */
async function rejection(bad: QuoteCreateInput) {
  const res = await create([validQuoteInput("good"), bad]);
  expect(res.status).toBe(207);
  const body = BatchResponse.parse(res.json);
  expect(body.numErrors).toBe(1);
  expect(body.results.map((r) => r.objectWriteTraceId)).toEqual(["good"]);
  const error = body.errors?.[0];
  expect(error && traceIdOfError(error)).toBe(bad.objectWriteTraceId);
  expect(res.simulator.createdQuotes().map((q) => q.objectWriteTraceId)).toEqual(["good"]);
  return error;
}

function withAssociation(
  traceId: string,
  toId: string,
  typeId: number,
  category: AssociationCategory = "HUBSPOT_DEFINED",
): QuoteCreateInput {
  return {
    ...validQuoteInput(traceId),
    associations: [
      { to: { id: toId }, types: [{ associationCategory: category, associationTypeId: typeId }] },
    ],
  };
}

describe("batch create: per-input validation (207)", () => {
  it.each([
    ["unknown property", { no_such_property: "x" }, "no_such_property", "PROPERTY_DOESNT_EXIST"],
    ["bad enumeration value", { hs_status: "Draft" }, "hs_status", "INVALID_OPTION"],
    ["option label instead of value", { sales_region: "North America" }, "sales_region", "INVALID_OPTION"],
    [
      "bad multi-checkbox value",
      { included_modules: "analytics;teleport" },
      "included_modules",
      "INVALID_OPTION",
    ],
    ["bad date", { hs_expiration_date: "31/12/2026" }, "hs_expiration_date", "INVALID_DATE"],
    ["epoch date not at midnight", { go_live_date: "1798761600001" }, "go_live_date", "INVALID_DATE"],
    ["bad datetime", { procurement_deadline: "tomorrow noon" }, "procurement_deadline", "INVALID_DATETIME"],
    ["bad number", { contract_term_months: "12,5" }, "contract_term_months", "INVALID_DOUBLE"],
    ["bad bool", { hs_esign_enabled: "yes" }, "hs_esign_enabled", "INVALID_BOOLEAN"],
    ["read-only property", { hs_quote_link: "https://example.com" }, "hs_quote_link", "READ_ONLY_VALUE"],
    ["calculated property", { hs_quote_amount: "100" }, "hs_quote_amount", "READ_ONLY_VALUE"],
    ["missing hs_title", { hs_title: "" }, "hs_title", "REQUIRED_PROPERTY_MISSING"],
    ["blank hs_expiration_date", { hs_expiration_date: "  " }, "hs_expiration_date", "INVALID_DATE"],
  ])("%s", async (_name, properties, propertyName, code) => {
    const error = await rejection(validQuoteInput("bad", properties));
    expect(error?.category).toBe("VALIDATION_ERROR");
    expect(error?.context?.propertyName).toContain(propertyName);
    expect(error?.message).toContain(propertyName);
    expect(error?.errors?.map((e) => e.code)).toContain(code);
  });

  it("missing required properties when they are absent", async () => {
    const input = validQuoteInput("bad");
    const { hs_title: _t, hs_expiration_date: _d, ...rest } = input.properties;
    const error = await rejection({ ...input, properties: rest });
    expect(error?.context?.propertyName).toEqual(["hs_title", "hs_expiration_date"]);
  });

  it("accepts every valid form of the custom property types", async () => {
    const res = await create([
      validQuoteInput("ok", {
        hs_expiration_date: "1798675200000",
        included_modules: ";analytics;sso",
        billing_frequency: "quarterly",
        go_live_date: "2027-02-01",
        procurement_deadline: "2026-12-01T17:00:00+01:00",
        contract_term_months: "24",
        discount_approved: "false",
        customer_po_number: "PO-7781",
        internal_notes: "Line one\nLine two",
        hubspot_owner_id: "71843216",
        hs_sender_phone: "+1 617-555-0100",
      }),
    ]);
    expect(res.status).toBe(201);
    const stored = res.simulator.createdQuotes()[0]?.properties;
    expect(stored?.hs_expiration_date).toBe("2026-12-31");
    expect(stored?.included_modules).toBe("analytics;sso");
    expect(stored?.procurement_deadline).toBe("2026-12-01T16:00:00.000Z");
  });

  it("association to a record that does not exist → OBJECT_NOT_FOUND", async () => {
    const error = await rejection(withAssociation("bad", "99999", 64));
    expect(error?.category).toBe("OBJECT_NOT_FOUND");
    expect(error?.message).toContain("99999");
  });

  it("a type id that does not fit the target (64 to a contact)", async () => {
    const error = await rejection(withAssociation("bad", contact?.id ?? "", 64));
    expect(error?.category).toBe("VALIDATION_ERROR");
    expect(error?.message).toMatch(/is a contact.*deal/);
  });

  it("an unknown type id, or a known one in the wrong category", async () => {
    expect((await rejection(withAssociation("bad", deal?.id ?? "", 4242)))?.category).toBe(
      "VALIDATION_ERROR",
    );
    expect((await rejection(withAssociation("bad", deal?.id ?? "", 64, "USER_DEFINED")))?.category).toBe(
      "VALIDATION_ERROR",
    );
  });

  it("refuses a deal's line item: a line item has one parent (67)", async () => {
    const error = await rejection(withAssociation("reused", lineItem?.id ?? "", 67));
    expect(error?.category).toBe("VALIDATION_ERROR");
    expect(error?.errors?.[0]?.code).toBe("LINE_ITEM_ALREADY_ASSOCIATED");
    expect(error?.message).toMatch(/already belongs to deal \d+/);
  });

  it("accepts each target with its labels, including USER_DEFINED ones", async () => {
    const simulator = sim();
    const fresh = await call(simulator, "POST", "/crm/v3/objects/line_items/batch/create", {
      inputs: [{ properties: { name: "Own line", price: "10" }, associations: [] }],
    });
    const ownLineItem = BatchResponse.parse(fresh.json).results[0];
    const input: QuoteCreateInput = {
      ...validQuoteInput("ok"),
      associations: [
        {
          to: { id: deal?.id ?? "" },
          types: [{ associationCategory: "USER_DEFINED", associationTypeId: 1003 }],
        },
        {
          to: { id: contact?.id ?? "" },
          types: [
            { associationCategory: "HUBSPOT_DEFINED", associationTypeId: 69 },
            { associationCategory: "HUBSPOT_DEFINED", associationTypeId: 702 },
            { associationCategory: "USER_DEFINED", associationTypeId: 1001 },
          ],
        },
        {
          to: { id: company?.id ?? "" },
          types: [{ associationCategory: "HUBSPOT_DEFINED", associationTypeId: 1334 }],
        },
        {
          to: { id: ownLineItem?.id ?? "" },
          types: [{ associationCategory: "HUBSPOT_DEFINED", associationTypeId: 67 }],
        },
      ],
    };
    const res = await create([input], simulator);
    expect(res.status).toBe(201);
    expect(res.simulator.createdQuotes()[0]?.associations.map((a) => a.toObjectType)).toEqual([
      "deals",
      "contacts",
      "contacts",
      "contacts",
      "companies",
      "line_items",
    ]);
  });
});

describe("batch create: the unique-value property", () => {
  it("rejects a value a stored quote already has, naming the existing id", async () => {
    const simulator = sim();
    const first = await create([validQuoteInput("a", { batch_row_key: "k-1" })], simulator);
    const existingId = BatchResponse.parse(first.json).results[0]?.id;
    const res = await create([validQuoteInput("b", { batch_row_key: "k-1" })], simulator);
    expect(res.status).toBe(207);
    const error = BatchResponse.parse(res.json).errors?.[0];
    expect(error?.category).toBe("CONFLICT");
    expect(error?.message).toContain(`Existing ID: ${existingId}`);
    expect(simulator.createdQuotes()).toHaveLength(1);
  });

  it("rejects every input that repeats a value within the batch", async () => {
    const res = await create([
      validQuoteInput("a", { batch_row_key: "same" }),
      validQuoteInput("b", { batch_row_key: "same" }),
      validQuoteInput("c", { batch_row_key: "other" }),
    ]);
    const body = BatchResponse.parse(res.json);
    expect(body.results.map((r) => r.objectWriteTraceId)).toEqual(["c"]);
    expect(body.errors?.map(traceIdOfError).sort()).toEqual(["a", "b"]);
  });
});

describe("batch create: whole-request failures (400)", () => {
  it("more than 100 inputs", async () => {
    const res = await create(Array.from({ length: 101 }, (_, i) => validQuoteInput(`r${i}`)));
    expect(res.status).toBe(400);
    const body = ApiErrorBody.parse(res.json);
    expect(body.category).toBe("VALIDATION_ERROR");
    expect(body.message).toContain("101");
    expect(res.simulator.createdQuotes()).toHaveLength(0);
  });

  it("exactly 100 inputs are fine", async () => {
    const res = await create(Array.from({ length: 100 }, (_, i) => validQuoteInput(`r${i}`)));
    expect(res.status).toBe(201);
    expect(res.simulator.createdQuotes()).toHaveLength(100);
  });

  it.each([
    ["malformed JSON", "{inputs: ["],
    ["an empty body", ""],
    ["a wrong shape", { inputs: [{ properties: { hs_title: 5 }, associations: [] }] }],
    ["missing associations", { inputs: [{ properties: { hs_title: "x" } }] }],
    ["no inputs", { inputs: [] }],
  ])("%s", async (_name, body) => {
    const simulator = sim();
    const res = await call(simulator, "POST", CREATE, body);
    expect(res.status).toBe(400);
    expect(ApiErrorBody.parse(res.json).category).toBe("VALIDATION_ERROR");
  });

  it("a bad input without a trace id fails the whole batch and creates nothing", async () => {
    const { objectWriteTraceId: _drop, ...untraced } = validQuoteInput("x", { hs_status: "NOPE" });
    const res = await create([validQuoteInput("good"), untraced]);
    expect(res.status).toBe(400);
    expect(ApiErrorBody.parse(res.json).message).toContain("hs_status");
    expect(res.simulator.createdQuotes()).toHaveLength(0);
  });
});

describe("batch create: results", () => {
  it("come back shuffled and correlate by trace id", async () => {
    const inputs = Array.from({ length: 20 }, (_, i) =>
      validQuoteInput(`row-${i}`, { hs_title: `Title ${i}` }),
    );
    const res = await create(inputs);
    const body = BatchResponse.parse(res.json);
    const order = body.results.map((r) => r.objectWriteTraceId);
    expect(order).not.toEqual(inputs.map((i) => i.objectWriteTraceId));
    for (const result of body.results) {
      const input = inputs.find((i) => i.objectWriteTraceId === result.objectWriteTraceId);
      expect(result.properties.hs_title).toBe(input?.properties.hs_title);
    }
  });

  it("carry HubSpot's timestamps and default properties", async () => {
    const res = await create([validQuoteInput("a")]);
    const body = BatchResponse.parse(res.json);
    expect(body).toMatchObject({ status: "COMPLETE", requestedAt: "2026-11-02T09:00:00.000Z" });
    const result = body.results[0];
    expect(result?.createdAt).toBe("2026-11-02T09:00:00.000Z");
    expect(result?.properties).toMatchObject({ hs_object_id: result?.id, hs_createdate: result?.createdAt });
  });

  it("give distinct numeric ids across requests", async () => {
    const simulator = sim();
    await create([validQuoteInput("a"), validQuoteInput("b")], simulator);
    await create([validQuoteInput("c")], simulator);
    const ids = simulator.createdQuotes().map((q) => q.id);
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(id).toMatch(/^\d+$/);
  });
});
