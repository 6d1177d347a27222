import { describe, expect, it } from "vitest";
import { NOT_FORWARDED_HEADER } from "../hubspot/endpoints.ts";
import { FakeClock } from "../test/fake-clock.ts";
import { createProxy, type ProxyOptions, type Upstream } from "./proxy.ts";
import { TokenLimiters } from "./rate-limiter.ts";

const TOKEN = "pat-na1-11111111-2222-3333-4444-555555555555";
const ORIGIN = "http://127.0.0.1:4173";
const PROPERTIES = "/api/hubspot/crm/v3/properties/quotes";
const SEARCH = "/api/hubspot/crm/v3/objects/deals/search";

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
  return { proxy, seen, logs };
}

const json = (body: unknown, init: ResponseInit = {}) =>
  new Response(JSON.stringify(body), {
    status: 200,
    headers: { "content-type": "application/json" },
    ...init,
  });

/** A POST whose body arrives as a stream (Node needs `duplex: "half"` for that). */
function streamed(body: ReadableStream<Uint8Array>): RequestInit & { duplex: "half" } {
  return { method: "POST", body, duplex: "half" };
}

const user = (id: string) => ({ user: { id, role: "submitter" as const } });

describe("proxy hardening", () => {
  it("strips x-proxy-* headers an upstream sends (it could forge 'not forwarded, safe to resend')", async () => {
    const { proxy } = setup(async () =>
      json(
        {},
        { status: 502, headers: { "x-proxy-not-forwarded": "1", "x-proxy-error": "x", "x-other": "kept" } },
      ),
    );
    const response = await proxy(new Request(`${ORIGIN}${PROPERTIES}`));
    expect(response.headers.get(NOT_FORWARDED_HEADER)).toBeNull();
    expect(response.headers.get("x-proxy-error")).toBeNull();
    expect(response.headers.get("x-other")).toBe("kept");
  });

  it("does not follow redirects: a redirected request is 502 'may have been applied', sent once", async () => {
    const { proxy, seen } = setup(
      async () => new Response(null, { status: 307, headers: { location: "http://dead.invalid/" } }),
    );
    const response = await proxy(new Request(`${ORIGIN}${PROPERTIES}`));
    expect(response.status).toBe(502);
    expect(response.headers.get(NOT_FORWARDED_HEADER)).toBeNull();
    expect((await response.json()).category).toBe("UPSTREAM_REDIRECT");
    expect(seen).toHaveLength(1);
    expect(seen[0]?.redirect).toBe("manual");
  });

  it("caps the size of an upstream answer", async () => {
    const big = "x".repeat(2048);
    const { proxy } = setup(async () => new Response(big, { status: 200 }), { maxResponseBytes: 1024 });
    const response = await proxy(new Request(`${ORIGIN}${PROPERTIES}`));
    expect(response.status).toBe(502);
    expect((await response.json()).category).toBe("UPSTREAM_TOO_LARGE");
    // Streamed without a length, too.
    const streamed = setup(
      async () =>
        new Response(
          new ReadableStream({
            pull(controller) {
              controller.enqueue(new TextEncoder().encode(big));
            },
          }),
        ),
      { maxResponseBytes: 1024 },
    );
    expect((await streamed.proxy(new Request(`${ORIGIN}${PROPERTIES}`))).status).toBe(502);
  });

  it("times out a request body that does not arrive (408, not sent)", async () => {
    const clock = new FakeClock();
    const { proxy, seen } = setup(async () => json({}), { clock, bodyTimeoutMs: 5_000 });
    const trickle = new ReadableStream<Uint8Array>({ start: () => undefined });
    const pending = proxy(new Request(`${ORIGIN}${SEARCH}`, streamed(trickle)));
    await clock.advance(5_000);
    const response = await pending;
    expect(response.status).toBe(408);
    expect(response.headers.get(NOT_FORWARDED_HEADER)).toBe("1");
    expect(seen).toHaveLength(0);
  });

  it("does not log a client that hung up mid-body as a proxy failure", async () => {
    const { proxy, logs, seen } = setup(async () => json({}));
    let fail: (error: Error) => void = () => undefined;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"filterGroups":'));
        fail = (error) => controller.error(error);
      },
    });
    const pending = proxy(new Request(`${ORIGIN}${SEARCH}`, streamed(body)));
    fail(new Error("aborted"));
    const response = await pending;
    expect(response.status).toBe(499);
    expect(seen).toHaveLength(0);
    expect(logs).toEqual([]);
  });

  it("bounds the queue per user: a full share is 503 with Retry-After, others still queue", async () => {
    const clock = new FakeClock();
    const limiters = new TokenLimiters({ perTenSeconds: 1, clock, marginMs: 0 });
    const { proxy, seen } = setup(async () => json({}), {
      clock,
      limiters,
      perTenSeconds: 1,
      queueBounds: { perToken: 10, perUser: 2, maxWaitMs: 600_000 },
    });
    const get = (who: string) => proxy(new Request(`${ORIGIN}${PROPERTIES}`), user(who));
    const first = await get("ana");
    expect(first.status).toBe(200);
    const waiting = [get("ana"), get("ana")];
    await clock.advance(0);
    const refused = await get("ana");
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBe("20");
    expect(refused.headers.get(NOT_FORWARDED_HEADER)).toBe("1");
    expect((await refused.json()).category).toBe("RATE_LIMIT_QUEUE_FULL");
    const ben = get("ben");
    await clock.advance(40_000);
    expect((await Promise.all([...waiting, ben])).map((response) => response.status)).toEqual([
      200, 200, 200,
    ]);
    expect(seen).toHaveLength(4);
  });

  it("bounds the queue per token and the total wait", async () => {
    const clock = new FakeClock();
    const limiters = new TokenLimiters({ perTenSeconds: 1, clock, marginMs: 0 });
    const { proxy } = setup(async () => json({}), {
      clock,
      limiters,
      perTenSeconds: 1,
      queueBounds: { perToken: 2, perUser: 10, maxWaitMs: 15_000 },
    });
    const get = (who: string) => proxy(new Request(`${ORIGIN}${PROPERTIES}`), user(who));
    await get("ana");
    const a = get("ana");
    const b = get("ben");
    await clock.advance(0);
    expect((await get("cy")).status).toBe(503);
    await clock.advance(15_000);
    // `a` went at 10 s; `b` would only go at 20 s, past the 15 s bound: told to come back instead.
    expect((await a).status).toBe(200);
    const late = await b;
    expect(late.status).toBe(503);
    expect(Number(late.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  });

  it("drops a waiter whose client hung up: it is never sent", async () => {
    const clock = new FakeClock();
    const limiters = new TokenLimiters({ perTenSeconds: 1, clock, marginMs: 0 });
    const { proxy, seen } = setup(async () => json({}), { clock, limiters, perTenSeconds: 1 });
    await proxy(new Request(`${ORIGIN}${PROPERTIES}`));
    const gone = new AbortController();
    const abandoned = Array.from({ length: 50 }, () =>
      proxy(new Request(`${ORIGIN}${PROPERTIES}`, { signal: gone.signal })),
    );
    await clock.advance(0);
    gone.abort();
    const answers = await Promise.all(abandoned);
    await clock.advance(60_000);
    expect(answers.every((response) => response.status === 499)).toBe(true);
    expect(seen).toHaveLength(1);
  });
});

describe("simulator controls", () => {
  it("cap the body of a fault change (16 KB)", async () => {
    const control = {
      getFaults: () => ({}),
      setFaults: () => undefined,
      reset: () => undefined,
      createdQuotes: () => [],
    };
    const { proxy } = setup(async () => json({}), { simulatorControl: control });
    const big = JSON.stringify({ latencyMs: 1, padding: "x".repeat(20_000) });
    const response = await proxy(
      new Request(`${ORIGIN}/api/simulator/faults`, { method: "POST", body: big }),
    );
    expect(response.status).toBe(413);
    const fine = await proxy(
      new Request(`${ORIGIN}/api/simulator/faults`, {
        method: "POST",
        body: JSON.stringify({ latencyMs: 5 }),
      }),
    );
    expect(fine.status).toBe(200);
  });
});
