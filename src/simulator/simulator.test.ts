import { describe, expect, it } from "vitest";
import { AssociationLabelList } from "../hubspot/association-labels.ts";
import { BatchResponse } from "../hubspot/batch-create.ts";
import { ApiErrorBody } from "../hubspot/errors.ts";
import { PropertyList } from "../hubspot/properties.ts";
import { createSimulator } from "./simulator.ts";
import { call, fakeClock, validQuoteInput } from "./test-kit.ts";

const CREATE = "/crm/v3/objects/quotes/batch/create";

function setup() {
  const clock = fakeClock();
  return { clock, sim: createSimulator({ clock }) };
}

describe("simulator: auth", () => {
  it("answers 401 INVALID_AUTHENTICATION without a token", async () => {
    const { sim } = setup();
    const res = await call(sim, "GET", "/crm/v3/properties/quotes", undefined, null);
    expect(res.status).toBe(401);
    expect(ApiErrorBody.parse(res.json).category).toBe("INVALID_AUTHENTICATION");
  });

  it("answers 401 for a wrong token and accepts a configured one", async () => {
    const clock = fakeClock();
    const sim = createSimulator({ clock, acceptedToken: "pat-na1-123" });
    expect((await call(sim, "GET", "/crm/v3/properties/quotes", undefined, "simulator-token")).status).toBe(
      401,
    );
    expect((await call(sim, "GET", "/crm/v3/properties/quotes", undefined, "pat-na1-123")).status).toBe(200);
  });

  it("answers 404 with an Error body for an unknown path", async () => {
    const { sim } = setup();
    const res = await call(sim, "GET", "/crm/v3/objects/tickets");
    expect(res.status).toBe(404);
    expect(ApiErrorBody.parse(res.json).correlationId).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("simulator: quote properties", () => {
  it("lists HubSpot's quote properties and custom ones of every kind", async () => {
    const { sim } = setup();
    const res = await call(sim, "GET", "/crm/v3/properties/quotes");
    expect(res.status).toBe(200);
    const { results } = PropertyList.parse(res.json);
    const byName = new Map(results.map((p) => [p.name, p]));
    expect(byName.get("hs_status")?.options.map((o) => o.value)).toEqual([
      "DRAFT",
      "APPROVAL_NOT_NEEDED",
      "PENDING_APPROVAL",
      "APPROVED",
      "REJECTED",
    ]);
    expect(byName.get("hs_quote_amount")?.calculated).toBe(true);
    expect(byName.get("hs_quote_link")?.modificationMetadata?.readOnlyValue).toBe(true);
    expect(results.some((p) => p.hidden)).toBe(true);
    expect(results.filter((p) => p.hasUniqueValue).map((p) => p.name)).toEqual(["batch_row_key"]);
    const kinds = new Set(
      results.filter((p) => p.groupName === "quote_custom").map((p) => `${p.type}/${p.fieldType}`),
    );
    for (const kind of [
      "enumeration/checkbox",
      "enumeration/radio",
      "enumeration/select",
      "number/number",
      "date/date",
      "datetime/date",
      "bool/booleancheckbox",
      "string/text",
      "string/textarea",
    ]) {
      expect(kinds).toContain(kind);
    }
  });
});

describe("simulator: association labels", () => {
  it.each([
    ["/crm/v4/associations/quotes/deals/labels", [64, 1003]],
    ["/crm/associations/v4/quotes/contacts/labels", [69, 702, 1226, 1001]],
    ["/crm/v4/associations/quotes/companies/labels", [71, 1334, 1002]],
    ["/crm/v4/associations/quotes/line_items/labels", [67]],
    ["/crm/v4/associations/quotes/quote_template/labels", [286]],
    ["/crm/v4/associations/quotes/quote_templates/labels", [286]],
  ])("serves %s", async (path, typeIds) => {
    const { sim } = setup();
    const res = await call(sim, "GET", path);
    expect(res.status).toBe(200);
    const { results } = AssociationLabelList.parse(res.json);
    expect(results.map((r) => r.typeId)).toEqual(typeIds);
    expect(results[0]).toMatchObject({ category: "HUBSPOT_DEFINED", label: null });
  });

  it("has USER_DEFINED labels", async () => {
    const { sim } = setup();
    const res = await call(sim, "GET", "/crm/v4/associations/quotes/contacts/labels");
    const { results } = AssociationLabelList.parse(res.json);
    expect(results).toContainEqual({ category: "USER_DEFINED", typeId: 1001, label: "Decision maker" });
  });
});

describe("simulator: batch create basics", () => {
  it("creates valid inputs with 201, stores them and echoes trace ids", async () => {
    const { sim } = setup();
    const res = await call(sim, "POST", CREATE, {
      inputs: [validQuoteInput("row-1"), validQuoteInput("row-2")],
    });
    expect(res.status).toBe(201);
    const body = BatchResponse.parse(res.json);
    expect(body.status).toBe("COMPLETE");
    expect(body.results.map((r) => r.objectWriteTraceId).sort()).toEqual(["row-1", "row-2"]);
    for (const result of body.results) {
      expect(result.id).toMatch(/^\d+$/);
      expect(result.properties.hs_object_id).toBe(result.id);
    }
    expect(sim.createdQuotes()).toHaveLength(2);
    expect(sim.createdQuotes()[0]?.associations).toContainEqual(
      expect.objectContaining({ toObjectType: "deals", typeId: 64 }),
    );
  });
});
