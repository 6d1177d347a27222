import { describe, expect, it } from "vitest";
import { createRow } from "../domain/batch/row.ts";
import { planSubmission } from "../domain/submission/plan.ts";
import { runQueue } from "../domain/submission/queue.ts";
import type { SendResult } from "../domain/submission/send-result.ts";
import { applyQueueEvent, createSubmission } from "../domain/submission/state.ts";
import { summarise } from "../domain/submission/summary.ts";
import type { QueueRequest, SubmissionState } from "../domain/submission/types.ts";
import { createProxy } from "../server/proxy.ts";
import { createSimulator, SIMULATOR_TOKEN } from "../simulator/simulator.ts";
import { FakeClock } from "./fake-clock.ts";

const LIMIT = 10;
const LATENCY_MS = 150;
const API = "http://127.0.0.1/api/hubspot/crm/v3/objects/quotes/batch/create";

/**
 * The browser's queue, the real proxy with its per-token limiter and the simulator, all on ONE fake clock:
 * the two rate-limit models (docs/decisions/030) are checked against HubSpot's window together, instantly.
 */
function setup(queueLimit: number) {
  const clock = new FakeClock();
  const simulator = createSimulator({
    clock,
    rateLimitPerTenSeconds: LIMIT,
    faults: { latencyMs: LATENCY_MS },
  });
  const upstreamStatuses: number[] = [];
  const proxy = createProxy({
    upstream: async (request) => {
      const response = await simulator.fetch(request);
      upstreamStatuses.push(response.status);
      return response;
    },
    upstreamName: "simulator",
    token: SIMULATOR_TOKEN,
    perTenSeconds: LIMIT,
    clock,
  });
  const send = async (request: QueueRequest, signal: AbortSignal): Promise<SendResult> => {
    const response = await proxy(
      new Request(API, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ inputs: request.inputs }),
        signal,
      }),
    );
    return {
      kind: "answered",
      status: response.status,
      headers: response.headers,
      body: await response.json(),
    };
  };
  return { clock, simulator, send, upstreamStatuses, queueLimit };
}

async function submit(quotes: number, queueLimit: number) {
  const env = setup(queueLimit);
  const rows = Array.from({ length: quotes }, (_, i) => ({
    row: createRow(
      { hs_title: `Q${i + 1}`, hs_expiration_date: "2026-12-31", hs_status: "DRAFT" },
      `r${i + 1}`,
    ),
    rowNumber: i + 1,
  }));
  const created = createSubmission({
    id: "s",
    now: env.clock.now(),
    environment: { kind: "simulator" },
    rateLimit: { max: queueLimit, intervalMs: 10_000 },
    rows,
    maxPerRequest: 2,
  });
  let state: SubmissionState = created.state;
  const start = env.clock.now();
  const handle = runQueue({
    requests: created.requests,
    send: env.send,
    clock: env.clock,
    concurrency: 6,
    rateLimit: { max: queueLimit, intervalMs: 10_000 },
    onEvent: (event) => {
      state = applyQueueEvent(state, event);
    },
  });
  await env.clock.run(handle.done);
  return { ...env, state, elapsed: env.clock.now() - start, requests: created.requests.length };
}

describe("queue → real proxy limiter → simulator, on one virtual timeline", () => {
  it("the browser pacer and the proxy limiter together keep HubSpot's window: no 429, near the floor", async () => {
    const run = await submit(70, LIMIT);
    expect(run.requests).toBe(35);
    expect(summarise(run.state).counts.created).toBe(70);
    expect(run.upstreamStatuses.every((status) => status === 201)).toBe(true);
    expect(run.simulator.createdQuotes()).toHaveLength(70);
    const floor = planSubmission({
      quotes: 70,
      maxPerRequest: 2,
      rateLimit: { max: LIMIT, intervalMs: 10_000 },
      latencyMs: LATENCY_MS,
    }).floorMs;
    expect(run.elapsed).toBeGreaterThanOrEqual(floor);
    // The proxy counts a slot until 10 s after its answer: one round trip and a margin per window, no more.
    expect(run.elapsed).toBeLessThan(floor + 4 * (LATENCY_MS + 200) + 1_000);
  });

  it("a browser that over-estimates the limit is held back by the proxy, never by a HubSpot 429", async () => {
    const run = await submit(40, 1_000);
    expect(summarise(run.state).counts.created).toBe(40);
    expect(run.upstreamStatuses.filter((status) => status === 429)).toHaveLength(0);
    expect(run.state.requests.every((request) => request.attempts === 1)).toBe(true);
    expect(run.elapsed).toBeGreaterThanOrEqual(10_000);
  });
});
