// @vitest-environment jsdom
import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { Health } from "../lib/api/get-health.ts";
import { getQuoteProperties } from "../lib/api/get-quote-properties.ts";
import { setupMockApi } from "./node.ts";

const api = setupMockApi();

describe("msw over the proxy and the simulator", () => {
  it("answers relative /api URLs from jsdom through the real proxy", async () => {
    const health = Health.parse(await (await fetch("/api/health")).json());
    expect(health.upstream).toBe("simulator");
    const properties = await getQuoteProperties();
    expect(properties.map((property) => property.name)).toContain("hs_title");
  });

  it("lets a test add exceptions with server.use", async () => {
    api.server.use(
      http.get("/api/hubspot/crm/v3/properties/quotes", () =>
        HttpResponse.json({ category: "INVALID_AUTHENTICATION", message: "bad token" }, { status: 401 }),
      ),
    );
    await expect(getQuoteProperties()).rejects.toMatchObject({ status: 401, isAuthProblem: true });
  });

  it("exercises the real proxy's checks (404 outside the allow-list)", async () => {
    const response = await fetch("/api/hubspot/crm/v3/objects/tickets");
    expect(response.status).toBe(404);
  });

  it("exposes the simulator for faults and created quotes", async () => {
    api.simulator.setFaults({ failBeforeApplyRate: 1 });
    const response = await fetch("/api/hubspot/crm/v3/objects/quotes/batch/create", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        inputs: [{ properties: { hs_title: "A", hs_expiration_date: "2030-01-01" }, associations: [] }],
      }),
    });
    expect(response.status).toBe(503);
    expect(api.simulator.createdQuotes()).toHaveLength(0);
  });
});
