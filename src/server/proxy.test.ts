import { describe, expect, it } from "vitest";
import { NOT_FORWARDED_HEADER } from "../hubspot/endpoints.ts";
import { FakeClock } from "../test/fake-clock.ts";
import { createProxy, type ProxyOptions, type Upstream } from "./proxy.ts";
import { PROXY_ERROR_HEADER } from "./proxy-http.ts";

const TOKEN = "pat-na1-11111111-2222-3333-4444-555555555555";
const ORIGIN = "http://127.0.0.1:4173";
const CREATE = "/api/hubspot/crm/v3/objects/quotes/batch/create";
const validCreate = {
  inputs: [{ properties: { hs_title: "Q1", hs_expiration_date: "2030-01-31" }, associations: [] }],
};

function setup(upstream: Upstream, extra: Partial<ProxyOptions> = {}) {
  const seen: Request[] = [];
  const logs: string[] = [];
  const proxy = createProxy({
    upstream: (request) => {
      seen.push(request);
      return upstream(request);
    },
    upstreamName: "hubspot",
    token: TOKEN,
    perTenSeconds: 100,
    log: (line) => logs.push(line),
    ...extra,
  });
  const call = (method: string, path: string, init: RequestInit = {}) =>
    proxy(new Request(`${ORIGIN}${path}`, { method, ...init }));
  return { proxy, seen, logs, call };
}

const ok: Upstream = async () =>
  new Response(JSON.stringify({ results: [] }), {
    status: 200,
    headers: { "content-type": "application/json" },
  });

const postJson = (body: unknown): RequestInit => ({
  body: typeof body === "string" ? body : JSON.stringify(body),
  headers: { "content-type": "application/json" },
});

async function expectNoToken(response: Response) {
  const text = await response.clone().text();
  expect(text).not.toContain(TOKEN);
  response.headers.forEach((value, key) => {
    expect(`${key}: ${value}`).not.toContain(TOKEN);
  });
}

describe("proxy routing", () => {
  it("answers /api/health without secrets", async () => {
    const { call } = setup(ok);
    const response = await call("GET", "/api/health");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      ok: true,
      upstream: "hubspot",
      rateLimit: { perTenSeconds: 100 },
    });
  });

  it("forwards an allowed GET with the token, the query, and none of the browser's headers", async () => {
    const { call, seen } = setup(ok);
    const response = await call("GET", "/api/hubspot/crm/v3/objects/quote_template?properties=hs_name", {
      headers: { cookie: "session=abc", authorization: "Bearer browser-supplied" },
    });
    expect(response.status).toBe(200);
    const forwarded = seen[0];
    expect(forwarded?.url).toBe("https://api.hubapi.com/crm/v3/objects/quote_template?properties=hs_name");
    expect(forwarded?.headers.get("authorization")).toBe(`Bearer ${TOKEN}`);
    expect(forwarded?.headers.get("cookie")).toBeNull();
  });

  it.each([
    ["DELETE", CREATE],
    ["GET", CREATE],
    ["GET", "/api/hubspot/crm/v3/objects/contacts"],
    ["POST", "/api/hubspot/crm/v3/objects/tickets/search"],
    ["GET", "/api/hubspot/crm/v3/objects/quotes/batch/create/../../x"],
    ["POST", "/api/hubspot/crm/v3/objects/deals%2F..%2Fquotes/search"],
    ["POST", "/api/hubspot/crm/v3/objects/quotes/batch%2Fcreate"],
    ["POST", "/api/hubspot//crm/v3/objects/quotes/batch/create"],
    ["GET", "/api/hubspot/crm/v3/properties/quotes%00"],
    ["GET", "/api/anything"],
    ["GET", "/api/simulator/faults"],
    ["POST", "/api/health"],
  ])("answers 404 JSON to %s %s and forwards nothing", async (method, path) => {
    const { call, seen } = setup(ok);
    const response = await call(method, path, method === "POST" ? postJson(validCreate) : {});
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(await response.json()).toMatchObject({ category: "NOT_FOUND" });
    expect(seen).toHaveLength(0);
  });
});

describe("proxy bodies", () => {
  it("forwards a valid batch create as parsed JSON", async () => {
    const { call, seen } = setup(ok);
    const response = await call("POST", CREATE, postJson({ ...validCreate, sneaky: true }));
    expect(response.status).toBe(200);
    expect(seen[0]?.headers.get("content-type")).toBe("application/json");
    expect(await seen[0]?.json()).toEqual(validCreate);
  });

  it("answers 400 naming the problem for malformed JSON", async () => {
    const { call, seen } = setup(ok);
    const response = await call("POST", CREATE, postJson('{"inputs": ['));
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.message).toMatch(/not valid JSON/);
    expect(seen).toHaveLength(0);
  });

  it("answers 400 naming the path and the issue for a wrong shape", async () => {
    const { call } = setup(ok);
    const bad = { inputs: [{ properties: { hs_title: 5 }, associations: [] }] };
    const response = await call("POST", CREATE, postJson(bad));
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.category).toBe("VALIDATION_ERROR");
    expect(body.message).toContain("inputs[0].properties.hs_title");
    expect(body.message).toMatch(/expected string/i);
  });

  it("answers 400 for more than 100 inputs and for an empty body", async () => {
    const { call } = setup(ok);
    const many = { inputs: Array.from({ length: 101 }, () => validCreate.inputs[0]) };
    expect((await call("POST", CREATE, postJson(many))).status).toBe(400);
    expect((await call("POST", CREATE)).status).toBe(400);
  });

  it("answers 413 when the declared length is over 1 MB", async () => {
    const { call, seen } = setup(ok);
    const response = await call("POST", CREATE, {
      body: "x",
      headers: { "content-length": String(2 * 1024 * 1024) },
    });
    expect(response.status).toBe(413);
    expect(seen).toHaveLength(0);
  });

  it("answers 413 when a body without a length streams more than 1 MB", async () => {
    const { call, seen } = setup(ok);
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent++;
        if (sent > 40) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const response = await call("POST", CREATE, { body: stream, duplex: "half" } as RequestInit);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ category: "PAYLOAD_TOO_LARGE" });
    expect(seen).toHaveLength(0);
    expect(sent).toBeLessThan(40); // stopped reading early
  });
});

describe("proxy upstream failures", () => {
  it("answers 504 JSON when the upstream does not answer in time", async () => {
    const clock = new FakeClock(0);
    const { call } = setup(() => new Promise<Response>(() => undefined), { clock, timeoutMs: 5_000 });
    const pending = call("GET", "/api/hubspot/crm/v3/properties/quotes");
    await clock.advance(5_000);
    const response = await pending;
    expect(response.status).toBe(504);
    expect(response.headers.get(PROXY_ERROR_HEADER)).toBe("upstream-timeout");
    expect((await response.json()).message).toMatch(/may or may not have been applied/);
  });

  it("answers 502 JSON when the upstream cannot be reached", async () => {
    const { call, logs } = setup(async () => {
      throw new TypeError("fetch failed");
    });
    const response = await call("POST", CREATE, postJson(validCreate));
    expect(response.status).toBe(502);
    expect(response.headers.get(PROXY_ERROR_HEADER)).toBe("upstream-unreachable");
    expect(logs.join("\n")).toContain("502");
  });

  it("marks a 502 as not forwarded only when the connection failed before the request left", async () => {
    const refused = setup(async () => {
      throw new TypeError("fetch failed", {
        cause: Object.assign(new Error("connect"), { code: "ECONNREFUSED" }),
      });
    });
    const notSent = await refused.call("POST", CREATE, postJson(validCreate));
    expect(notSent.status).toBe(502);
    expect(notSent.headers.get(NOT_FORWARDED_HEADER)).toBe("1");
    expect((await notSent.json()).message).toMatch(/not sent/);

    const dropped = setup(async () => {
      throw new TypeError("fetch failed", {
        cause: Object.assign(new Error("socket"), { code: "ECONNRESET" }),
      });
    });
    const maybeSent = await dropped.call("POST", CREATE, postJson(validCreate));
    expect(maybeSent.headers.get(NOT_FORWARDED_HEADER)).toBeNull();
    expect((await maybeSent.json()).message).toMatch(/may or may not have been applied/);
  });

  it("passes HubSpot's status, body and rate-limit headers through; strips hop-by-hop and cookies", async () => {
    const { call } = setup(
      async () =>
        new Response(
          JSON.stringify({ status: "error", category: "INVALID_AUTHENTICATION", message: "nope" }),
          {
            status: 401,
            headers: {
              "content-type": "application/json",
              "x-hubspot-ratelimit-max": "100",
              "x-hubspot-ratelimit-remaining": "99",
              "x-hubspot-correlation-id": "abc",
              connection: "keep-alive, x-secret-hop",
              "keep-alive": "timeout=5",
              "x-secret-hop": "1",
              "set-cookie": "__cf_bm=1; path=/",
              "strict-transport-security": "max-age=1",
              "x-echo": `Bearer ${TOKEN}`,
            },
          },
        ),
    );
    const response = await call("GET", "/api/hubspot/crm/v3/properties/quotes");
    expect(response.status).toBe(401);
    expect(await response.clone().json()).toMatchObject({ category: "INVALID_AUTHENTICATION" });
    expect(response.headers.get("x-hubspot-ratelimit-max")).toBe("100");
    expect(response.headers.get("x-hubspot-ratelimit-remaining")).toBe("99");
    expect(response.headers.get("x-hubspot-correlation-id")).toBe("abc");
    for (const name of [
      "connection",
      "keep-alive",
      "x-secret-hop",
      "set-cookie",
      "strict-transport-security",
      "x-echo",
    ]) {
      expect(response.headers.get(name), name).toBeNull();
    }
  });

  it("waits for the per-token limit instead of failing, across concurrent callers", async () => {
    const clock = new FakeClock(0);
    const sentAt: number[] = [];
    const { call } = setup(
      async () => {
        sentAt.push(clock.now());
        return ok(new Request(ORIGIN));
      },
      { clock, perTenSeconds: 2 },
    );
    const responses = Promise.all(
      Array.from({ length: 5 }, () => call("GET", "/api/hubspot/crm/v3/properties/quotes")),
    );
    await clock.advance(60_000);
    expect((await responses).map((response) => response.status)).toEqual([200, 200, 200, 200, 200]);
    expect(sentAt.filter((at) => at < 10_000)).toHaveLength(2);
    expect(sentAt.filter((at) => at < 20_000)).toHaveLength(4);
  });
});

describe("the token", () => {
  it("appears in no response body, header or log line, on every route", async () => {
    const clock = new FakeClock(0);
    const echo: Upstream = async (request) =>
      new Response(JSON.stringify({ message: `you sent ${request.headers.get("authorization")}` }), {
        status: 401,
        headers: {
          "content-type": "application/json",
          "x-auth-echo": request.headers.get("authorization") ?? "",
        },
      });
    const cases: [string, Upstream, string, string, RequestInit?][] = [
      ["health", ok, "GET", "/api/health"],
      ["allowed", ok, "GET", "/api/hubspot/crm/v3/properties/quotes"],
      ["echoing 401", echo, "GET", "/api/hubspot/account-info/v3/details"],
      ["not found", ok, "GET", "/api/hubspot/crm/v3/objects/tickets"],
      ["bad json", ok, "POST", CREATE, postJson("{")],
      ["too large", ok, "POST", CREATE, { body: "x".repeat(1024 * 1024 + 1) }],
      [
        "unreachable",
        async (request) => {
          throw new Error(`connect failed with ${request.headers.get("authorization")}`);
        },
        "GET",
        "/api/hubspot/crm/v3/properties/quotes",
      ],
      [
        "timeout",
        () => new Promise<Response>(() => undefined),
        "GET",
        "/api/hubspot/crm/v3/properties/quotes",
      ],
    ];
    for (const [name, upstream, method, path, init] of cases) {
      const { call, logs } = setup(upstream, { clock, timeoutMs: 1_000 });
      const pending = call(method, path, init);
      await clock.advance(1_000);
      const response = await pending;
      await expectNoToken(response);
      expect(logs.join("\n"), name).not.toContain(TOKEN);
    }
  });
});

describe("foreign callers", () => {
  it("refuses a cross-origin POST, a cross-site fetch and an unexpected host, and forwards nothing", async () => {
    const { call, seen } = setup(ok, { allowedHosts: ["127.0.0.1:4173", "localhost:4173"] });
    const evil = await call("POST", CREATE, {
      ...postJson(validCreate),
      headers: { "content-type": "text/plain", origin: "https://evil.example" },
    });
    expect(evil.status).toBe(403);
    const crossSite = await call("GET", "/api/hubspot/account-info/v3/details", {
      headers: { "sec-fetch-site": "cross-site" },
    });
    expect(crossSite.status).toBe(403);
    const rebound = await proxyWithHost("evil.example:4173");
    expect(rebound.status).toBe(403);
    expect(seen).toHaveLength(0);

    async function proxyWithHost(host: string) {
      const { proxy } = setup(ok, { allowedHosts: ["127.0.0.1:4173"] });
      return proxy(new Request(`http://${host}/api/health`));
    }
  });

  it("answers the app's own pages", async () => {
    const { call } = setup(ok, { allowedHosts: ["127.0.0.1:4173"] });
    const response = await call("POST", CREATE, {
      ...postJson(validCreate),
      headers: { "content-type": "application/json", origin: ORIGIN, "sec-fetch-site": "same-origin" },
    });
    expect(response.status).toBe(200);
  });
});

describe("an exception inside the upstream", () => {
  it("is a 500 proxy error that echoes nothing of it, not 'HubSpot could not be reached'", async () => {
    const { call, logs } = setup(async () => {
      throw new TypeError(
        "Cannot read properties of undefined (reading 'toLowerCase') at /srv/app/secret-path.ts",
      );
    });
    const response = await call("POST", CREATE, postJson(validCreate));
    expect(response.status).toBe(500);
    const body = await response.json();
    expect(body.category).toBe("PROXY_ERROR");
    expect(JSON.stringify(body)).not.toMatch(/toLowerCase|secret-path|could not be reached/);
    expect(logs.join("\n")).toContain("the upstream threw");
  });

  it("a network failure stays a 502 whose outcome is unknown", async () => {
    const { call } = setup(async () => {
      throw new TypeError("terminated");
    });
    expect((await call("POST", CREATE, postJson(validCreate))).status).toBe(502);
  });
});
