import { describe, expect, it } from "vitest";
import { createRow } from "../batch/row.ts";
import { remainingMs } from "./eta.ts";
import { applyQueueEvent, createSubmission } from "./state.ts";
import type { SubmissionState } from "./types.ts";

const T0 = Date.UTC(2026, 0, 5, 9);

function submission(quotes: number): SubmissionState {
  const rows = Array.from({ length: quotes }, (_, i) => ({
    row: createRow({ hs_title: `Q${i}` }, `r${i}`),
    rowNumber: i + 1,
  }));
  return createSubmission({
    id: "s",
    now: T0,
    environment: { kind: "simulator" },
    rateLimit: { max: 100, intervalMs: 10_000 },
    rows,
  }).state;
}

/** Sends and answers the first `n` requests, one every `gap` ms, each answered `latency` later. */
function sendFirst(state: SubmissionState, n: number, gap: number, latency: number): SubmissionState {
  let next = state;
  for (let i = 0; i < n; i++) {
    const id = `s-r${i + 1}`;
    next = applyQueueEvent(next, { type: "sending", requestId: id, attempt: 1, at: T0 + i * gap });
    next = applyQueueEvent(next, {
      type: "settled",
      requestId: id,
      at: T0 + i * gap + latency,
      phase: "complete",
      rows: [],
    });
  }
  return next;
}

describe("remainingMs", () => {
  it("1,000 rows pending right after a full window: most of the window, not under a second", () => {
    const state = sendFirst(submission(11_000), 100, 10, 150);
    const now = T0 + 1_200;
    expect(state.requests.filter((r) => r.phase === "queued")).toHaveLength(10);
    const left = remainingMs(state, now, 6);
    expect(left).toBeGreaterThan(8_000);
    expect(left).toBeLessThan(10_500);
  });

  it("with the window free, a few requests take a few round trips", () => {
    const state = sendFirst(submission(1_000), 0, 0, 0);
    expect(remainingMs(state, T0, 6)).toBeLessThan(1_000);
  });

  it("only an answer later than usual left: unknown, not 'under a second'", () => {
    const sent = applyQueueEvent(submission(50), { type: "sending", requestId: "s-r1", attempt: 1, at: T0 });
    expect(remainingMs(sent, T0 + 100, 6)).toBeGreaterThan(0);
    expect(remainingMs(sent, T0 + 4_000, 6)).toBeUndefined();
  });

  it("nothing open: 0", () => {
    expect(remainingMs(sendFirst(submission(200), 2, 10, 100), T0 + 5_000, 6)).toBe(0);
  });
});

describe("startedAt", () => {
  it("is when the first request left, not when the submission was created", () => {
    const state = submission(150);
    expect(state.startedAt).toBeUndefined();
    const sent = applyQueueEvent(state, { type: "sending", requestId: "s-r1", attempt: 1, at: T0 + 42_000 });
    expect(sent.startedAt).toBe(T0 + 42_000);
    const again = applyQueueEvent(sent, { type: "sending", requestId: "s-r2", attempt: 1, at: T0 + 43_000 });
    expect(again.startedAt).toBe(T0 + 42_000);
    expect(again.requests[0]?.tries).toEqual([{ sentAt: T0 + 42_000 }]);
  });
});
