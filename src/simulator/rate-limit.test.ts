import { describe, expect, it } from "vitest";
import { RateLimitErrorBody } from "../hubspot/errors.ts";
import { createSimulator, type SimulatorOptions } from "./simulator.ts";
import { call, fakeClock, validQuoteInput } from "./test-kit.ts";

const PROPS = "/crm/v3/properties/quotes";
const SEARCH = "/crm/v3/objects/deals/search";

function setup(options: SimulatorOptions = {}) {
  const clock = fakeClock();
  return { clock, sim: createSimulator({ clock, ...options }) };
}

describe("rolling 10-second limit", () => {
  it("sends HubSpot's headers, counting down", async () => {
    const { sim } = setup();
    const first = await call(sim, "GET", PROPS);
    expect(Object.fromEntries(first.headers)).toMatchObject({
      "x-hubspot-ratelimit-max": "100",
      "x-hubspot-ratelimit-remaining": "99",
      "x-hubspot-ratelimit-interval-milliseconds": "10000",
      "x-hubspot-ratelimit-daily": "250000",
      "x-hubspot-ratelimit-daily-remaining": "249999",
    });
    const second = await call(sim, "GET", "/account-info/v3/details");
    expect(second.headers.get("x-hubspot-ratelimit-remaining")).toBe("98");
  });

  it("answers 429 TEN_SECONDLY_ROLLING past the limit, without Retry-After, and recovers as the window rolls", async () => {
    const { sim, clock } = setup();
    for (let i = 0; i < 50; i++) expect((await call(sim, "GET", PROPS)).status).toBe(200);
    await clock.advance(5_000);
    for (let i = 0; i < 50; i++) expect((await call(sim, "GET", PROPS)).status).toBe(200);
    const limited = await call(sim, "POST", "/crm/v3/objects/quotes/batch/create", {
      inputs: [validQuoteInput("a")],
    });
    expect(limited.status).toBe(429);
    expect(RateLimitErrorBody.parse(limited.json)).toMatchObject({
      status: "error",
      errorType: "RATE_LIMIT",
      policyName: "TEN_SECONDLY_ROLLING",
      message: "You have reached your ten_secondly_rolling limit.",
    });
    expect(limited.headers.get("retry-after")).toBeNull();
    expect(sim.createdQuotes()).toHaveLength(0);
    // The first 50 leave the window 10 s after they were sent; the second 50 are still in it.
    await clock.advance(5_000);
    const after = await call(sim, "GET", PROPS);
    expect(after.status).toBe(200);
    expect(after.headers.get("x-hubspot-ratelimit-remaining")).toBe("49");
  });

  it("rejected requests do not count", async () => {
    const { sim, clock } = setup({ rateLimitPerTenSeconds: 2 });
    await call(sim, "GET", PROPS);
    await call(sim, "GET", PROPS);
    for (let i = 0; i < 5; i++) expect((await call(sim, "GET", PROPS)).status).toBe(429);
    await clock.advance(10_000);
    expect((await call(sim, "GET", PROPS)).status).toBe(200);
  });

  it.each([190, 250])("allows %i per 10 s when selected", async (limit) => {
    const { sim } = setup({ rateLimitPerTenSeconds: limit });
    for (let i = 0; i < limit; i++) expect((await call(sim, "GET", PROPS)).status).toBe(200);
    expect((await call(sim, "GET", PROPS)).status).toBe(429);
  });

  it("adds Retry-After when the option asks for it", async () => {
    const { sim, clock } = setup({ rateLimitPerTenSeconds: 1, retryAfterOnRateLimit: true });
    await call(sim, "GET", PROPS);
    await clock.advance(2_500);
    expect((await call(sim, "GET", PROPS)).headers.get("retry-after")).toBe("8");
  });

  it("401s are not counted and come before the limit", async () => {
    const { sim } = setup({ rateLimitPerTenSeconds: 1 });
    await call(sim, "GET", PROPS);
    expect((await call(sim, "GET", PROPS, undefined, null)).status).toBe(401);
  });
});

describe("search: 5 a second, no rate-limit headers", () => {
  it("answers the 6th search in a second with 429 SECONDLY, then recovers", async () => {
    const { sim, clock } = setup();
    for (let i = 0; i < 5; i++) {
      const res = await call(sim, "POST", SEARCH, { query: "renewal" });
      expect(res.status).toBe(200);
      expect([...res.headers.keys()].filter((k) => k.startsWith("x-hubspot-ratelimit"))).toEqual([]);
    }
    const limited = await call(sim, "POST", SEARCH, { query: "renewal" });
    expect(limited.status).toBe(429);
    expect(RateLimitErrorBody.parse(limited.json).policyName).toBe("SECONDLY");
    expect(limited.headers.get("x-hubspot-ratelimit-remaining")).toBeNull();
    await clock.advance(1_000);
    expect((await call(sim, "POST", SEARCH, { query: "renewal" })).status).toBe(200);
  });

  it("search does not use up the 10-second window", async () => {
    const { sim } = setup();
    for (let i = 0; i < 5; i++) await call(sim, "POST", SEARCH, {});
    expect((await call(sim, "GET", PROPS)).headers.get("x-hubspot-ratelimit-remaining")).toBe("99");
  });
});

describe("daily limit", () => {
  it("answers 429 DAILY once the day's requests are spent, until midnight UTC", async () => {
    const { sim, clock } = setup({ dailyLimit: 3 });
    for (let i = 0; i < 3; i++) expect((await call(sim, "GET", PROPS)).status).toBe(200);
    await clock.advance(60_000);
    const limited = await call(sim, "POST", SEARCH, {});
    expect(limited.status).toBe(429);
    expect(RateLimitErrorBody.parse(limited.json)).toMatchObject({
      policyName: "DAILY",
      message: "You have reached your daily limit.",
    });
    await clock.advance(24 * 3_600_000);
    expect((await call(sim, "GET", PROPS)).status).toBe(200);
  });

  it("the dailyLimitReached fault answers every request with 429 DAILY", async () => {
    const { sim } = setup({ faults: { dailyLimitReached: true } });
    for (const [method, path] of [
      ["GET", PROPS],
      ["POST", SEARCH],
      ["GET", "/account-info/v3/details"],
    ] as const) {
      const res = await call(sim, method, path, method === "POST" ? {} : undefined);
      expect(res.status).toBe(429);
      expect(RateLimitErrorBody.parse(res.json).policyName).toBe("DAILY");
    }
    sim.setFaults({ dailyLimitReached: false });
    expect((await call(sim, "GET", PROPS)).status).toBe(200);
  });
});
