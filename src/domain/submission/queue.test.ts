import { describe, expect, it } from "vitest";
import { FakeClock } from "../../test/fake-clock.ts";
import { type FakeHubspotOptions, fakeHubspot } from "../../test/fake-hubspot.ts";
import { createRow } from "../batch/row.ts";
import { runQueue } from "./queue.ts";
import { applyQueueEvent, createSubmission, finishSubmission } from "./state.ts";
import { summarise } from "./summary.ts";
import type { QueueEvent, SubmissionState } from "./types.ts";

function rows(n: number) {
  return Array.from({ length: n }, (_, i) => ({
    row: createRow({ hs_title: `Quote ${i + 1}`, hs_expiration_date: "2026-12-31" }, `row-${i + 1}`),
    rowNumber: i + 1,
  }));
}

async function submit(
  count: number,
  fake: Omit<FakeHubspotOptions, "clock">,
  queue: { concurrency?: number; timeoutMs?: number; probe?: () => Promise<boolean>; cancelAt?: number } = {},
) {
  const clock = new FakeClock();
  const hubspot = fakeHubspot({ clock, ...fake });
  const created = createSubmission({
    id: "s1",
    now: clock.now(),
    environment: { kind: "simulator" },
    rateLimit: { max: 100, intervalMs: 10_000 },
    rows: rows(count),
  });
  let state: SubmissionState = created.state;
  const events: QueueEvent[] = [];
  const start = clock.now();
  const handle = runQueue({
    requests: created.requests,
    send: hubspot.send,
    clock,
    concurrency: queue.concurrency ?? 6,
    timeoutMs: queue.timeoutMs,
    probe: queue.probe,
    onEvent: (event) => {
      events.push(event);
      state = applyQueueEvent(state, event);
    },
  });
  if (queue.cancelAt !== undefined) {
    const at = queue.cancelAt;
    void clock.sleep(at).then(() => handle.cancel());
  }
  const result = await clock.run(handle.done);
  state = finishSubmission(state, result, clock.now());
  return { state, events, hubspot, elapsed: clock.now() - start, summary: summarise(state), result };
}

describe("submission queue", () => {
  it("maps shuffled results without echoed trace ids back to the right rows", async () => {
    const { state, hubspot, summary } = await submit(250, { shuffle: true });
    expect(summary.counts.created).toBe(250);
    expect(state.requests).toHaveLength(3);
    const byTrace = new Map(hubspot.created().map((q) => [q.traceId, q.id]));
    for (const row of state.rows) expect(row.hubspotId).toBe(byTrace.get(row.rowId));
  });

  it("maps a 207's errors to their rows by trace id, and the rest by elimination", async () => {
    const { state, summary } = await submit(100, {
      shuffle: true,
      reject: (input) =>
        input.properties.hs_title === "Quote 7" ? 'Property "hs_status" is invalid' : undefined,
    });
    expect(summary.counts).toMatchObject({ created: 99, failed: 1 });
    const bad = state.rows.find((r) => r.rowId === "row-7");
    expect(bad?.outcome).toBe("failed");
    expect(bad?.error).toMatchObject({ category: "VALIDATION_ERROR", propertyName: "hs_status" });
    expect(state.requests[0]).toMatchObject({ httpStatus: 207, batchStatus: "COMPLETE", numErrors: 1 });
  });

  it("fails every row of a whole-batch 400 with HubSpot's message", async () => {
    const { state, summary } = await submit(150, {
      script: (request) =>
        request.id === "s1-r1"
          ? {
              kind: "status",
              status: 400,
              body: {
                status: "error",
                category: "VALIDATION_ERROR",
                message: "Too many inputs",
                correlationId: "x",
              },
            }
          : { kind: "ok" },
    });
    expect(summary.counts).toMatchObject({ failed: 100, created: 50 });
    expect(state.rows[0]?.error?.message).toEqual({ code: "hubspot", text: "Too many inputs" });
  });

  it.each([401, 403])("stops on %i with a clear reason and marks nothing created", async (status) => {
    const { state, summary, hubspot } = await submit(
      500,
      {
        script: () => ({
          kind: "status",
          status,
          body: { status: "error", message: "nope", correlationId: "x" },
        }),
      },
      { concurrency: 1 },
    );
    expect(hubspot.created()).toHaveLength(0);
    expect(summary.counts.created).toBe(0);
    expect(summary.counts.failed).toBe(100);
    expect(summary.counts["not-sent"]).toBe(400);
    expect(state.status).toBe("stopped");
    expect(state.stopReason).toMatchObject({ kind: "auth", status });
    expect(hubspot.attempts()).toBe(1);
  });

  it("waits out a storm of ten-secondly 429s and creates everything, failing nothing", async () => {
    const { summary, events, hubspot } = await submit(
      3000,
      { limit: { max: 10, intervalMs: 10_000 }, latencyMs: 100, noRateHeaders: true },
      { concurrency: 8 },
    );
    expect(summary.counts.created).toBe(3000);
    expect(summary.counts.failed).toBe(0);
    expect(events.some((e) => e.type === "waiting" && e.reason === "rate-limit")).toBe(true);
    expect(new Set(hubspot.created().map((q) => q.traceId)).size).toBe(3000);
  });

  it("honours Retry-After on a 429", async () => {
    const { events, summary } = await submit(100, {
      script: (_r, n) =>
        n === 1
          ? {
              kind: "status",
              status: 429,
              headers: { "retry-after": "3" },
              body: {
                status: "error",
                message: "slow down",
                errorType: "RATE_LIMIT",
                correlationId: "c",
                policyName: "TEN_SECONDLY_ROLLING",
              },
            }
          : { kind: "ok" },
    });
    expect(summary.counts.created).toBe(100);
    expect(events).toContainEqual(
      expect.objectContaining({ type: "waiting", reason: "rate-limit", ms: 3000 }),
    );
  });

  it("stops on the DAILY limit and leaves the rest not sent", async () => {
    const { state, summary } = await submit(
      500,
      {
        script: (_r, n) =>
          n >= 3
            ? {
                kind: "status",
                status: 429,
                body: {
                  status: "error",
                  message: "daily",
                  errorType: "RATE_LIMIT",
                  correlationId: "c",
                  policyName: "DAILY",
                },
              }
            : { kind: "ok" },
      },
      { concurrency: 1 },
    );
    expect(summary.counts.created).toBe(200);
    expect(summary.counts["not-sent"]).toBe(300);
    expect(state.stopReason?.kind).toBe("daily-limit");
  });

  it("waits at least 2 s on 423 Locked, then resends", async () => {
    const { events, summary, state } = await submit(100, {
      script: (_r, n) =>
        n === 1 ? { kind: "status", status: 423, body: { message: "locked" } } : { kind: "ok" },
    });
    expect(summary.counts.created).toBe(100);
    const wait = events.find((e) => e.type === "waiting");
    expect(wait).toMatchObject({ reason: "locked" });
    expect(wait?.type === "waiting" && wait.ms).toBeGreaterThanOrEqual(2000);
    expect(state.requests[0]?.attempts).toBe(2);
  });

  it("marks a 502 after HubSpot applied the request unknown and never resends it", async () => {
    const { summary, hubspot, state } = await submit(300, {
      script: (request) =>
        request.id === "s1-r2"
          ? { kind: "status", status: 502, apply: true, body: { message: "Bad gateway" } }
          : { kind: "ok" },
    });
    expect(summary.counts).toMatchObject({ created: 200, unknown: 100 });
    expect(hubspot.created()).toHaveLength(300);
    expect(new Set(hubspot.created().map((q) => q.traceId)).size).toBe(300);
    expect(state.requests[1]).toMatchObject({ phase: "unknown", attempts: 1, httpStatus: 502 });
  });

  it("resends a 502 the proxy marks as never forwarded", async () => {
    const { summary, hubspot } = await submit(100, {
      script: (_r, n) =>
        n === 1
          ? {
              kind: "status",
              status: 502,
              headers: { "x-proxy-not-forwarded": "1" },
              body: { message: "upstream unreachable" },
            }
          : { kind: "ok" },
    });
    expect(summary.counts.created).toBe(100);
    expect(hubspot.attempts()).toBe(2);
  });

  it("resends after a network error before anything was sent", async () => {
    const { summary, state } = await submit(100, {
      script: (_r, n) => (n <= 2 ? { kind: "drop", apply: false, sent: "no" } : { kind: "ok" }),
    });
    expect(summary.counts.created).toBe(100);
    expect(state.requests[0]?.attempts).toBe(3);
  });

  it("marks a dropped connection unknown and pauses until the server answers a probe", async () => {
    let probes = 0;
    const { summary, state } = await submit(
      300,
      {
        script: (request, n) =>
          request.id === "s1-r1" && n === 1 ? { kind: "drop", apply: true } : { kind: "ok" },
      },
      { concurrency: 1, probe: async () => ++probes >= 3 },
    );
    expect(summary.counts).toMatchObject({ unknown: 100, created: 200 });
    expect(probes).toBe(3);
    expect(state.rows[0]?.outcome).toBe("unknown");
  });

  it("times a hung request out as unknown", async () => {
    const { summary, elapsed } = await submit(
      100,
      { script: () => ({ kind: "hang" }) },
      { timeoutMs: 30_000 },
    );
    expect(summary.counts.unknown).toBe(100);
    expect(elapsed).toBeGreaterThanOrEqual(30_000);
  });

  it("cancels: in-flight requests finish and are recorded, the rest are canceled", async () => {
    const { summary, state, hubspot } = await submit(
      1000,
      { latencyMs: 1000 },
      { concurrency: 2, cancelAt: 1500 },
    );
    expect(state.status).toBe("canceled");
    expect(summary.counts.created).toBe(hubspot.created().length);
    expect(summary.counts.created).toBe(400);
    expect(summary.counts.canceled).toBe(600);
    expect(summary.counts.pending).toBe(0);
  });

  it("paces to the rolling window: 300 requests at 100/10 s finish near the floor with no 429", async () => {
    const { summary, events, elapsed } = await submit(
      30_000,
      { limit: { max: 100, intervalMs: 10_000 }, latencyMs: 150 },
      { concurrency: 16 },
    );
    expect(summary.counts.created).toBe(30_000);
    expect(events.some((e) => e.type === "waiting")).toBe(false);
    expect(elapsed).toBeGreaterThanOrEqual(20_000);
    expect(elapsed).toBeLessThan(20_150 * 1.1);
  });
});
