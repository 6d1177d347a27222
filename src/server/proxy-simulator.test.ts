import { describe, expect, it } from "vitest";
import { createSimulator } from "../simulator/simulator.ts";
import { createProxy } from "./proxy.ts";

const TOKEN = "pat-na1-sim-aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
const ORIGIN = "http://127.0.0.1:4173";
const CREATE = "/api/hubspot/crm/v3/objects/quotes/batch/create";

function setup({ proxyToken = TOKEN, control = true } = {}) {
  const simulator = createSimulator({ acceptedToken: TOKEN });
  const logs: string[] = [];
  const proxy = createProxy({
    upstream: (request) => simulator.fetch(request),
    upstreamName: "simulator",
    token: proxyToken,
    perTenSeconds: 100,
    simulatorControl: control ? simulator : undefined,
    log: (line) => logs.push(line),
  });
  const call = (method: string, path: string, body?: unknown) =>
    proxy(
      new Request(`${ORIGIN}${path}`, {
        method,
        body: body === undefined ? undefined : JSON.stringify(body),
        headers: body === undefined ? {} : { "content-type": "application/json" },
      }),
    );
  return { simulator, call, logs };
}

const quote = (title: string) => ({
  properties: { hs_title: title, hs_expiration_date: "2030-01-31", hs_status: "DRAFT" },
  associations: [],
  objectWriteTraceId: title,
});

async function textOf(response: Response): Promise<string> {
  const headers: string[] = [];
  response.headers.forEach((value, key) => {
    headers.push(`${key}: ${value}`);
  });
  return `${headers.join("\n")}\n${await response.clone().text()}`;
}

describe("proxy over the simulator", () => {
  it("lists the quote properties with rate-limit headers", async () => {
    const { call } = setup();
    const response = await call("GET", "/api/hubspot/crm/v3/properties/quotes");
    expect(response.status).toBe(200);
    expect(response.headers.get("x-hubspot-ratelimit-max")).toBe("100");
    const body = await response.json();
    expect(body.results.map((property: { name: string }) => property.name)).toContain("hs_title");
  });

  it("creates quotes, and the control endpoint counts them", async () => {
    const { call } = setup();
    const response = await call("POST", CREATE, { inputs: [quote("A"), quote("B")] });
    expect(response.status).toBe(201);
    const created = await (await call("GET", "/api/simulator/quotes")).json();
    expect(created.count).toBe(2);
    expect((await call("POST", "/api/simulator/reset")).status).toBe(200);
    expect((await (await call("GET", "/api/simulator/quotes")).json()).count).toBe(0);
  });

  it("passes HubSpot's 401 through when the proxy's token is wrong", async () => {
    const { call } = setup({ proxyToken: "pat-na1-wrong-token" });
    const response = await call("GET", "/api/hubspot/account-info/v3/details");
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ category: "INVALID_AUTHENTICATION" });
  });

  it("reads and sets faults, rejecting unknown or out-of-range settings", async () => {
    const { call } = setup();
    const set = await call("POST", "/api/simulator/faults", { failAfterApplyRate: 1 });
    expect(set.status).toBe(200);
    expect(await set.json()).toMatchObject({ failAfterApplyRate: 1 });
    const after = await call("POST", CREATE, { inputs: [quote("C")] });
    expect(after.status).toBe(502);
    expect((await call("POST", "/api/simulator/faults", { lockedRate: 2 })).status).toBe(400);
    expect((await call("POST", "/api/simulator/faults", { nonsense: true })).status).toBe(400);
    expect(await (await call("GET", "/api/simulator/faults")).json()).toMatchObject({
      failAfterApplyRate: 1,
    });
  });

  it("answers a dropped connection after applying with 502 and says the outcome is unknown", async () => {
    const { call, simulator } = setup();
    simulator.setFaults({ dropAfterApplyRate: 1 });
    const response = await call("POST", CREATE, { inputs: [quote("D")] });
    expect(response.status).toBe(502);
    expect((await response.json()).message).toMatch(/may or may not have been applied/);
    expect(simulator.createdQuotes()).toHaveLength(1);
  });

  it("hides the control endpoints when control is off", async () => {
    const { call } = setup({ control: false });
    expect((await call("GET", "/api/simulator/faults")).status).toBe(404);
    expect((await call("POST", "/api/simulator/reset")).status).toBe(404);
  });

  it("never lets the token reach a response or a log line", async () => {
    const { call, logs } = setup();
    const { call: wrongCall } = setup({ proxyToken: `${TOKEN}-x` });
    const responses = [
      await call("GET", "/api/health"),
      await call("GET", "/api/hubspot/crm/v3/properties/quotes"),
      await call("GET", "/api/hubspot/crm/v4/associations/quotes/deals/labels"),
      await call("GET", "/api/hubspot/crm/v3/objects/quote_template?properties=hs_name"),
      await call("GET", "/api/hubspot/account-info/v3/details"),
      await call("POST", "/api/hubspot/crm/v3/objects/deals/search", { query: "a" }),
      await call("POST", CREATE, { inputs: [quote("E"), { properties: { nope: "1" }, associations: [] }] }),
      await call("POST", "/api/hubspot/crm/v3/objects/quotes/batch/read", { inputs: [{ id: "1" }] }),
      await call("POST", CREATE, { inputs: "no" }),
      await call("GET", "/api/hubspot/nope"),
      await call("GET", "/api/simulator/quotes"),
      await call("GET", "/api/simulator/faults"),
      await wrongCall("GET", "/api/hubspot/crm/v3/properties/quotes"),
    ];
    for (const response of responses) expect(await textOf(response)).not.toContain(TOKEN);
    expect(logs.join("\n")).not.toContain(TOKEN);
  });

  it("rejects fault rates that would add up to more than 1, and an oversized body", async () => {
    const { call } = setup();
    expect((await call("POST", "/api/simulator/faults", { failAfterApplyRate: 0.6 })).status).toBe(200);
    const over = await call("POST", "/api/simulator/faults", { pendingRate: 0.5 });
    expect(over.status).toBe(400);
    expect((await over.json()).message).toContain("add up to 1.1");
    const huge = await call("POST", "/api/simulator/faults", { latencyMs: 1, pad: "x".repeat(10_000) });
    expect(huge.status).toBe(413);
  });
});

describe("proxy over the simulator: the quote model", () => {
  const HS = "/api/hubspot/crm/v3/objects";

  it("creates a quote, its line items (68), publishes it, reads amount and links, archives it", async () => {
    const { call, simulator } = setup();
    const created = await (await call("POST", CREATE, { inputs: [quote("Q")] })).json();
    const quoteId = created.results[0].id;
    const product = (await (await call("POST", `${HS}/products/search`, { query: "seat", limit: 1 })).json())
      .results[0];
    const lines = await call("POST", `${HS}/line_items/batch/create`, {
      inputs: [
        {
          properties: { hs_product_id: product.id, quantity: "2", batch_line_key: "Q:1" },
          associations: [
            {
              to: { id: quoteId },
              types: [{ associationCategory: "HUBSPOT_DEFINED", associationTypeId: 68 }],
            },
          ],
          objectWriteTraceId: "Q:1",
        },
      ],
    });
    expect(lines.status).toBe(201);
    // The proxy's quote() has no deal or template: publishing is refused, per input.
    const refused = await call("POST", `${HS}/quotes/batch/update`, {
      inputs: [{ id: quoteId, properties: { hs_status: "APPROVAL_NOT_NEEDED" } }],
    });
    expect(refused.status).toBe(207);
    const read = await call("POST", `${HS}/quotes/batch/read`, {
      inputs: [{ id: quoteId }],
      properties: ["hs_quote_amount"],
    });
    expect((await read.json()).results[0].properties.hs_quote_amount).toBe(
      String(Number(product.properties.price) * 2),
    );
    const assoc = await call("POST", "/api/hubspot/crm/v4/associations/quotes/line_items/batch/read", {
      inputs: [{ id: quoteId }],
    });
    expect((await assoc.json()).results[0].to).toHaveLength(1);
    const archived = await call("POST", `${HS}/quotes/batch/archive`, { inputs: [{ id: quoteId }] });
    expect(archived.status).toBe(204);
    expect(await archived.text()).toBe("");
    expect(simulator.createdLineItems()[0]?.archived).toBe(true);
    expect((await (await call("GET", "/api/simulator/line-items")).json()).count).toBe(1);
  });

  it.each([
    [`${HS}/quotes/batch/update`, { inputs: [{ id: "1" }] }, "inputs[0].properties"],
    [`${HS}/quotes/batch/archive`, { inputs: [{}] }, "inputs[0].id"],
    [
      `${HS}/line_items/batch/create`,
      { inputs: [{ properties: { quantity: 2 } }] },
      "inputs[0].properties.quantity",
    ],
    [`${HS}/line_items/batch/archive`, { inputs: [] }, "inputs"],
    [
      "/api/hubspot/crm/v4/associations/quotes/line_items/batch/read",
      { inputs: [{ id: 5 }] },
      "inputs[0].id",
    ],
  ])("checks the body of %s before sending it", async (path, body, where) => {
    const { call, simulator } = setup();
    const response = await call("POST", path, body);
    expect(response.status).toBe(400);
    expect((await response.json()).message).toContain(where);
    expect(simulator.createdLineItems()).toHaveLength(0);
  });
});
