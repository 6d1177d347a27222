import { describe, expect, it } from "vitest";
import { createSimulator, type SimulatorOptions } from "../simulator/simulator.ts";
import { call, fakeClock, seededCrm, validQuoteInput } from "../simulator/test-kit.ts";
import { openApiValidator } from "../test/openapi.ts";
import { AccountDetails } from "./account.ts";
import { AssociationLabelList } from "./association-labels.ts";
import { BatchCreateRequest, BatchResponse, SimplePublicObject } from "./batch-create.ts";
import { BatchReadRequest } from "./batch-read.ts";
import { ApiErrorBody, RateLimitErrorBody, StandardError } from "./errors.ts";
import { Property, PropertyList } from "./properties.ts";
import { ObjectCollection, SearchRequest } from "./search.ts";

/**
 * The contract: our zod-built requests and the simulator's responses validate against HubSpot's own
 * OpenAPI component schemas, and our zod schemas accept what the spec allows.
 */

const quotes = openApiValidator("quotes");
const deals = openApiValidator("deals");
const properties = openApiValidator("properties");
// HubSpot lists the primary association type with `label: null`; its spec types `label` as a plain string.
const associations = openApiValidator("associations", { nullable: ["AssociationSpecWithLabel.label"] });

type Validator = ReturnType<typeof openApiValidator>;
function expectValid(validator: Validator, schema: string, data: unknown): void {
  const result = validator.validate(schema, data);
  expect(result.errors, `${schema}: ${result.errors.join("\n")}`).toEqual([]);
}

const CREATE = "/crm/v3/objects/quotes/batch/create";
const READ = "/crm/v3/objects/quotes/batch/read";

function simulator(options: SimulatorOptions = {}) {
  const clock = fakeClock();
  return createSimulator({ clock, ...options });
}

describe("contract: requests we build", () => {
  it("batch create input", () => {
    const request = BatchCreateRequest.parse({
      inputs: [validQuoteInput("row-1"), { properties: { hs_title: "Bare" }, associations: [] }],
    });
    expectValid(quotes, "BatchInputSimplePublicObjectBatchInputForCreate", request);
  });

  it("batch read by id and by idProperty", () => {
    expectValid(
      quotes,
      "BatchReadInputSimplePublicObjectId",
      BatchReadRequest.parse({ inputs: [{ id: "1" }] }),
    );
    const byKey = BatchReadRequest.parse({
      inputs: [{ id: "k-1" }],
      idProperty: "batch_row_key",
      properties: ["hs_title"],
    });
    expectValid(quotes, "BatchReadInputSimplePublicObjectId", byKey);
  });

  it("search request (the spec marks `after` required; we send it when paging)", () => {
    const request = SearchRequest.parse({
      query: "acme",
      filterGroups: [{ filters: [{ propertyName: "hs_object_id", operator: "IN", values: ["1", "2"] }] }],
      properties: ["dealname"],
      limit: 200,
      after: "0",
    });
    expectValid(deals, "PublicObjectSearchRequest", request);
  });
});

describe("contract: simulator responses", () => {
  it("201 batch create", async () => {
    const res = await call(simulator(), "POST", CREATE, {
      inputs: [validQuoteInput("a"), validQuoteInput("b")],
    });
    expect(res.status).toBe(201);
    expectValid(quotes, "BatchResponseSimplePublicObject", res.json);
    BatchResponse.parse(res.json);
  });

  it("207 batch create with per-input errors", async () => {
    const bad = validQuoteInput("bad", { hs_status: "NOT_A_STATUS", hs_quote_link: "x" });
    const res = await call(simulator(), "POST", CREATE, { inputs: [validQuoteInput("ok"), bad] });
    expect(res.status).toBe(207);
    expectValid(quotes, "BatchResponseSimplePublicObjectWithErrors", res.json);
    const body = BatchResponse.parse(res.json);
    for (const error of body.errors ?? []) expectValid(quotes, "StandardError", error);
  });

  it.each([
    ["400 malformed JSON", { body: "{nope" }, 400],
    [
      "400 too many inputs",
      { body: { inputs: Array.from({ length: 101 }, (_, i) => validQuoteInput(`r${i}`)) } },
      400,
    ],
    ["401 no token", { token: null }, 401],
    ["423 locked", { options: { faults: { lockedRate: 1 } } }, 423],
    ["503 before apply", { options: { faults: { failBeforeApplyRate: 1 } } }, 503],
    ["502 after apply", { options: { faults: { failAfterApplyRate: 1 } } }, 502],
  ] as const)("%s is an Error body", async (_name, setup, status) => {
    const options: SimulatorOptions = "options" in setup ? setup.options : {};
    const body = "body" in setup ? setup.body : { inputs: [validQuoteInput("x")] };
    const token = "token" in setup ? setup.token : undefined;
    const res = await call(simulator(options), "POST", CREATE, body, token);
    expect(res.status).toBe(status);
    expectValid(quotes, "Error", res.json);
    ApiErrorBody.parse(res.json);
  });

  it("429 bodies match FACTS.md", async () => {
    const sim = simulator({ faults: { dailyLimitReached: true } });
    const res = await call(sim, "GET", "/crm/v3/properties/quotes");
    expect(res.status).toBe(429);
    expect(RateLimitErrorBody.parse(res.json).policyName).toBe("DAILY");
  });

  it("property definitions", async () => {
    const res = await call(simulator(), "GET", "/crm/v3/properties/quotes");
    expectValid(properties, "CollectionResponsePropertyNoPaging", res.json);
    PropertyList.parse(res.json);
  });

  it.each(["deals", "quote_template", "contacts", "companies", "line_items"])(
    "association labels to %s",
    async (to) => {
      const sim = simulator();
      for (const path of [
        `/crm/v4/associations/quotes/${to}/labels`,
        `/crm/associations/v4/quotes/${to}/labels`,
      ]) {
        const res = await call(sim, "GET", path);
        expectValid(associations, "CollectionResponseAssociationSpecWithLabelNoPaging", res.json);
        AssociationLabelList.parse(res.json);
      }
    },
  );

  it("the label null is the one known gap: without the allowance the spec rejects it", async () => {
    const res = await call(simulator(), "GET", "/crm/v4/associations/quotes/deals/labels");
    expect(
      openApiValidator("associations").validate(
        "CollectionResponseAssociationSpecWithLabelNoPaging",
        res.json,
      ).valid,
    ).toBe(false);
  });

  it.each(["deals", "contacts", "companies", "line_items"])("search %s", async (type) => {
    const res = await call(simulator(), "POST", `/crm/v3/objects/${type}/search`, {
      query: "a",
      limit: 5,
      properties: [],
    });
    expect(res.status).toBe(200);
    expectValid(deals, "CollectionResponseWithTotalSimplePublicObject", res.json);
    ObjectCollection.parse(res.json);
  });

  it("quote template listing", async () => {
    const res = await call(simulator(), "GET", "/crm/v3/objects/quote_template?properties=hs_name&limit=4");
    expectValid(quotes, "CollectionResponseSimplePublicObjectWithAssociationsForwardPaging", res.json);
    ObjectCollection.parse(res.json);
  });

  it("batch read 200 and 207", async () => {
    const sim = simulator();
    const created = await call(sim, "POST", CREATE, {
      inputs: [validQuoteInput("r", { batch_row_key: "k-1" })],
    });
    const id = BatchResponse.parse(created.json).results[0]?.id ?? "";
    const found = await call(sim, "POST", READ, {
      inputs: [{ id }],
      properties: ["hs_title"],
      propertiesWithHistory: [],
    });
    expect(found.status).toBe(200);
    expectValid(quotes, "BatchResponseSimplePublicObject", found.json);
    const partial = await call(sim, "POST", READ, {
      inputs: [{ id: "k-1" }, { id: "k-missing" }],
      idProperty: "batch_row_key",
      properties: [],
      propertiesWithHistory: [],
    });
    expect(partial.status).toBe(207);
    expectValid(quotes, "BatchResponseSimplePublicObjectWithErrors", partial.json);
    BatchResponse.parse(partial.json);
  });

  it("account details parse", async () => {
    const res = await call(simulator(), "GET", "/account-info/v3/details");
    expect(AccountDetails.parse(res.json).portalId).toBe(24_681_357);
  });
});

describe("contract: our zod schemas accept what the spec allows", () => {
  it("the spec's own examples", () => {
    const objectExample = exampleOf(quotes, "SimplePublicObject");
    expectValid(quotes, "SimplePublicObject", objectExample);
    SimplePublicObject.parse(objectExample);
    const errorExample = exampleOf(quotes, "Error");
    expectValid(quotes, "Error", errorExample);
    ApiErrorBody.parse(errorExample);
    // The spec's Property example omits its own required `description`; we tolerate that too.
    const propertyExample = exampleOf(properties, "Property");
    expect(properties.validate("Property", propertyExample).valid).toBe(false);
    expect(Property.parse(propertyExample).description).toBe("");
  });

  it("minimal spec-valid bodies (only required fields)", () => {
    const minimalBatch = {
      status: "PENDING",
      results: [
        {
          id: "1",
          properties: {},
          createdAt: "2026-01-01T00:00:00Z",
          updatedAt: "2026-01-01T00:00:00Z",
          archived: false,
        },
      ],
      startedAt: "2026-01-01T00:00:00Z",
      completedAt: "2026-01-01T00:00:01Z",
    };
    expectValid(quotes, "BatchResponseSimplePublicObject", minimalBatch);
    BatchResponse.parse(minimalBatch);
    const standardError = {
      status: "400",
      category: "VALIDATION_ERROR",
      message: "m",
      context: {},
      errors: [],
      links: {},
      subCategory: {},
    };
    expectValid(quotes, "StandardError", standardError);
    StandardError.parse(standardError);
    const minimalProperty = {
      name: "x",
      label: "X",
      type: "string",
      fieldType: "text",
      groupName: "g",
      description: "",
      options: [],
    };
    expectValid(properties, "Property", minimalProperty);
    Property.parse(minimalProperty);
    const labels = { results: [{ category: "WORK", typeId: 5 }] };
    expectValid(associations, "CollectionResponseAssociationSpecWithLabelNoPaging", labels);
    AssociationLabelList.parse(labels);
    const page = { total: 0, results: [], paging: { next: { after: "10" } } };
    expectValid(deals, "CollectionResponseWithTotalSimplePublicObject", page);
    ObjectCollection.parse(page);
  });

  it("real ids from the seeded CRM are what search returns", async () => {
    const deal = seededCrm().deals[3];
    const res = await call(simulator(), "POST", "/crm/v3/objects/deals/search", { query: deal?.id });
    expect(ObjectCollection.parse(res.json).results.map((r) => r.id)).toEqual([deal?.id]);
  });
});

function exampleOf(validator: Validator, name: string): unknown {
  const example = validator.example(name);
  if (example === undefined || example === null) throw new Error(`${name} has no example in the spec`);
  return example;
}
