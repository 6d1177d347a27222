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
});
