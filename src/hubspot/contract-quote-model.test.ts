import { describe, expect, it } from "vitest";
import { createSimulator } from "../simulator/simulator.ts";
import { call, fakeClock, seededCrm, validLineItemInput, validQuoteInput } from "../simulator/test-kit.ts";
import { openApiValidator } from "../test/openapi.ts";
import { AssociationBatchReadRequest, AssociationBatchReadResponse } from "./association-batch-read.ts";
import { BatchArchiveRequest } from "./batch-archive.ts";
import { BatchCreateRequest, BatchResponse } from "./batch-create.ts";
import { BatchReadRequest } from "./batch-read.ts";
import { BatchUpdateRequest } from "./batch-update.ts";
import { ApiErrorBody } from "./errors.ts";
import { PropertyList } from "./properties.ts";
import { ObjectCollection, SearchRequest } from "./search.ts";

/**
 * The contract of the quote model's endpoints (line items, products, update, archive): our requests and the
 * simulator's responses validate against HubSpot's line-items, products and quotes OpenAPI files. The v4
 * associations batch read has no spec file here; its zod schema (after HubSpot's v4 spec) is the check.
 */

const quotes = openApiValidator("quotes");
const lineItems = openApiValidator("lineItems");
const products = openApiValidator("products");
const properties = openApiValidator("properties");
type Validator = ReturnType<typeof openApiValidator>;

function expectValid(validator: Validator, schema: string, data: unknown): void {
  const result = validator.validate(schema, data);
  expect(result.errors, `${schema}: ${result.errors.join("\n")}`).toEqual([]);
}

function simulator() {
  const clock = fakeClock();
  return createSimulator({ clock });
}

async function quoteWithLines(sim = simulator()) {
  const created = await call(sim, "POST", "/crm/v3/objects/quotes/batch/create", {
    inputs: [validQuoteInput("q")],
  });
  const quoteId = BatchResponse.parse(created.json).results[0]?.id ?? "";
  const lines = await call(sim, "POST", "/crm/v3/objects/line_items/batch/create", {
    inputs: [
      validLineItemInput("l1", {}, quoteId),
      validLineItemInput("l2", { batch_line_key: "k" }, quoteId),
    ],
  });
  return { sim, quoteId, lines };
}

describe("contract: requests we build", () => {
  it("line-item create, read, archive; quote update and archive", () => {
    expectValid(
      lineItems,
      "BatchInputSimplePublicObjectBatchInputForCreate",
      BatchCreateRequest.parse({ inputs: [validLineItemInput("l", {}, "1")] }),
    );
    expectValid(
      lineItems,
      "BatchReadInputSimplePublicObjectId",
      BatchReadRequest.parse({ inputs: [{ id: "k" }], idProperty: "batch_line_key" }),
    );
    expectValid(
      lineItems,
      "BatchInputSimplePublicObjectId",
      BatchArchiveRequest.parse({ inputs: [{ id: "1" }] }),
    );
    expectValid(
      quotes,
      "BatchInputSimplePublicObjectId",
      BatchArchiveRequest.parse({ inputs: [{ id: "1" }] }),
    );
    const publish = BatchUpdateRequest.parse({
      inputs: [{ id: "1", properties: { hs_status: "APPROVAL_NOT_NEEDED" }, objectWriteTraceId: "row-1" }],
    });
    expectValid(quotes, "BatchInputSimplePublicObjectBatchInput", publish);
    expectValid(
      products,
      "BatchReadInputSimplePublicObjectId",
      BatchReadRequest.parse({ inputs: [{ id: "1" }], properties: ["price"] }),
    );
    expectValid(products, "PublicObjectSearchRequest", SearchRequest.parse({ query: "seat", after: "0" }));
  });
});

describe("contract: simulator responses", () => {
  it("line-item create 201 and 207", async () => {
    const { sim, quoteId, lines } = await quoteWithLines();
    expect(lines.status).toBe(201);
    expectValid(lineItems, "BatchResponseSimplePublicObject", lines.json);
    const partial = await call(sim, "POST", "/crm/v3/objects/line_items/batch/create", {
      inputs: [validLineItemInput("ok", {}, quoteId), validLineItemInput("bad", { quantity: "0" }, quoteId)],
    });
    expect(partial.status).toBe(207);
    expectValid(lineItems, "BatchResponseSimplePublicObjectWithErrors", partial.json);
    for (const error of BatchResponse.parse(partial.json).errors ?? [])
      expectValid(lineItems, "StandardError", error);
  });

  it("line-item batch read by idProperty, 200 and 207", async () => {
    const { sim } = await quoteWithLines();
    const found = await call(sim, "POST", "/crm/v3/objects/line_items/batch/read", {
      inputs: [{ id: "k" }],
      idProperty: "batch_line_key",
    });
    expect(found.status).toBe(200);
    expectValid(lineItems, "BatchResponseSimplePublicObject", found.json);
    const partial = await call(sim, "POST", "/crm/v3/objects/line_items/batch/read", {
      inputs: [{ id: "nope" }],
    });
    expectValid(lineItems, "BatchResponseSimplePublicObjectWithErrors", partial.json);
  });

  it("products search and batch read", async () => {
    const sim = simulator();
    const search = await call(sim, "POST", "/crm/v3/objects/products/search", { query: "seat", limit: 5 });
    expectValid(products, "CollectionResponseWithTotalSimplePublicObject", search.json);
    ObjectCollection.parse(search.json);
    const id = seededCrm().products[1]?.id;
    const read = await call(sim, "POST", "/crm/v3/objects/products/batch/read", {
      inputs: [{ id }],
      properties: ["price"],
    });
    expectValid(products, "BatchResponseSimplePublicObject", read.json);
  });

  it.each(["line_items", "products"])("%s property definitions", async (type) => {
    const res = await call(simulator(), "GET", `/crm/v3/properties/${type}`);
    expectValid(properties, "CollectionResponsePropertyNoPaging", res.json);
    expect(PropertyList.parse(res.json).results.length).toBeGreaterThan(5);
  });

  it("quote update (publish) 200 and 207; archive 204", async () => {
    const { sim, quoteId } = await quoteWithLines();
    const published = await call(sim, "POST", "/crm/v3/objects/quotes/batch/update", {
      inputs: [{ id: quoteId, properties: { hs_status: "APPROVAL_NOT_NEEDED" } }],
    });
    expect(published.status).toBe(200);
    expectValid(quotes, "BatchResponseSimplePublicObject", published.json);
    const refused = await call(sim, "POST", "/crm/v3/objects/quotes/batch/update", {
      inputs: [{ id: "404", properties: { hs_title: "x" }, objectWriteTraceId: "t" }],
    });
    expect(refused.status).toBe(207);
    expectValid(quotes, "BatchResponseSimplePublicObjectWithErrors", refused.json);
    const archived = await call(sim, "POST", "/crm/v3/objects/quotes/batch/archive", {
      inputs: [{ id: quoteId }],
    });
    expect(archived.status).toBe(204);
    expect(archived.json).toBeUndefined();
  });

  it("associations batch read parses with the v4 shape", async () => {
    const { sim, quoteId } = await quoteWithLines();
    const request = AssociationBatchReadRequest.parse({ inputs: [{ id: quoteId }, { id: "404" }] });
    const res = await call(sim, "POST", "/crm/v4/associations/quotes/line_items/batch/read", request);
    expect(res.status).toBe(207);
    const body = AssociationBatchReadResponse.parse(res.json);
    expect(body.results[0]?.to).toHaveLength(2);
    for (const error of body.errors ?? []) expectValid(quotes, "StandardError", error);
  });

  it.each([
    [
      "/crm/v3/objects/line_items/batch/create",
      { inputs: Array.from({ length: 101 }, (_, i) => validLineItemInput(`l${i}`)) },
    ],
    ["/crm/v3/objects/quotes/batch/update", { inputs: [] }],
    ["/crm/v3/objects/quotes/batch/archive", "{nope"],
  ])("400 from %s is an Error body", async (path, body) => {
    const res = await call(simulator(), "POST", path, body);
    expect(res.status).toBe(400);
    expectValid(lineItems, "Error", res.json);
    ApiErrorBody.parse(res.json);
  });
});
