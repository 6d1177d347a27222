import { describe, expect, it } from "vitest";
import { ALLOWED_ROUTES } from "../hubspot/endpoints.ts";
import { createSimulator } from "./simulator.ts";
import { call, fakeClock } from "./test-kit.ts";

/** One concrete path per proxy allow-list entry: whatever the proxy forwards, the simulator serves. */
const SAMPLES: readonly ["GET" | "POST", string, unknown][] = [
  ["GET", "/crm/v3/properties/quotes", undefined],
  ["GET", "/crm/v3/properties/line_items", undefined],
  ["GET", "/crm/v3/properties/products", undefined],
  ["POST", "/crm/v3/objects/quotes/batch/update", { inputs: [] }],
  ["POST", "/crm/v3/objects/quotes/batch/archive", { inputs: [] }],
  ["POST", "/crm/v3/objects/line_items/batch/create", { inputs: [] }],
  ["POST", "/crm/v3/objects/line_items/batch/archive", { inputs: [] }],
  ["POST", "/crm/v3/objects/line_items/batch/read", { inputs: [{ id: "1" }] }],
  ["POST", "/crm/v3/objects/products/batch/read", { inputs: [{ id: "1" }] }],
  ["POST", "/crm/v3/objects/products/search", {}],
  ["POST", "/crm/v4/associations/quotes/line_items/batch/read", { inputs: [{ id: "1" }] }],
  ["POST", "/crm/v4/associations/line_items/quotes/batch/read", { inputs: [{ id: "1" }] }],
  ["POST", "/crm/v3/objects/quotes/batch/create", { inputs: [] }],
  ["POST", "/crm/v3/objects/quotes/batch/read", { inputs: [{ id: "1" }] }],
  ["GET", "/crm/v3/objects/quote_template", undefined],
  ["GET", "/crm/v3/objects/quote_templates", undefined],
  ["GET", "/account-info/v3/details", undefined],
  ["GET", "/account-info/2026-03/details", undefined],
  ["GET", "/crm/v4/associations/quotes/deals/labels", undefined],
  ["GET", "/crm/v4/associations/quotes/0-1/labels", undefined],
  ["GET", "/crm/associations/v4/quotes/quote_templates/labels", undefined],
  ["POST", "/crm/v3/objects/line_items/search", {}],
];

describe("routes", () => {
  it("every allow-list pattern has a sample here", () => {
    for (const route of ALLOWED_ROUTES) {
      expect(SAMPLES.some(([method, path]) => method === route.method && route.pattern.test(path))).toBe(
        true,
      );
    }
  });

  it.each(SAMPLES)("%s %s is served", async (method, path, body) => {
    const clock = fakeClock();
    const res = await call(createSimulator({ clock }), method, path, body);
    expect(res.status).not.toBe(404);
  });

  it("a known path with the wrong method is 404", async () => {
    const clock = fakeClock();
    expect(
      (await call(createSimulator({ clock }), "GET", "/crm/v3/objects/quotes/batch/create")).status,
    ).toBe(404);
  });
});
