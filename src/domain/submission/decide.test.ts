import { describe, expect, it } from "vitest";
import type { Verdict } from "./classify.ts";
import { type Decision, decide, type QueueEntry, type QueuePolicy } from "./decide.ts";

const request = {
  id: "s-r1",
  rowIds: ["a", "b"],
  inputs: [
    { objectWriteTraceId: "a", properties: { hs_title: "A" }, associations: [] },
    { objectWriteTraceId: "b", properties: { hs_title: "B" }, associations: [] },
  ],
};
const at = "2026-01-05T09:00:00.000Z";
const fresh: QueueEntry = { request, resends: 0 };
const policy: QueuePolicy = { maxResends: 5 };

type Expected =
  | { kind: "settle"; phase: string; outcomes: string[]; stop?: string; offline?: boolean }
  | { kind: "requeue"; waitMs: number; reason: string; pauseAll: boolean; countsAsResend: boolean };

function shape(decision: Decision): Expected {
  if (decision.kind === "requeue") {
    const { note: _, ...rest } = decision;
    return rest;
  }
  return {
    kind: "settle",
    phase: decision.phase,
    outcomes: decision.rows.map((row) => row.outcome),
    ...(decision.stop ? { stop: decision.stop.kind } : {}),
    ...(decision.offline ? { offline: true } : {}),
  };
}

const cases: [string, Verdict, QueueEntry, Expected][] = [
  [
    "201: rows by trace id",
    {
      kind: "batch",
      status: 201,
      response: {
        status: "COMPLETE",
        results: [
          { id: "1", properties: {}, createdAt: at, updatedAt: at, objectWriteTraceId: "a" },
          { id: "2", properties: {}, createdAt: at, updatedAt: at, objectWriteTraceId: "b" },
        ],
        startedAt: at,
        completedAt: at,
      },
    },
    fresh,
    { kind: "settle", phase: "complete", outcomes: ["created", "created"] },
  ],
  [
    "201 PROCESSING without results: unknown",
    {
      kind: "batch",
      status: 201,
      response: { status: "PROCESSING", results: [], startedAt: at, completedAt: at },
    },
    fresh,
    { kind: "settle", phase: "complete", outcomes: ["unknown", "unknown"] },
  ],
  [
    "429 ten-secondly: everything pauses, resent, not a resend",
    { kind: "rate-limited", waitMs: 10_000, message: { code: "rateLimited" } },
    fresh,
    { kind: "requeue", waitMs: 10_000, reason: "rate-limit", pauseAll: true, countsAsResend: false },
  ],
  [
    "423: that request waits",
    { kind: "locked", waitMs: 2_000, message: { code: "answered", status: 423 } },
    fresh,
    { kind: "requeue", waitMs: 2_000, reason: "locked", pauseAll: false, countsAsResend: false },
  ],
  [
    "not forwarded, first time: 1 s backoff",
    {
      kind: "resend",
      reason: "not-applied",
      message: { code: "proxy", kind: "upstream-unreachable", status: 502 },
    },
    fresh,
    { kind: "requeue", waitMs: 1_000, reason: "not-applied", pauseAll: false, countsAsResend: true },
  ],
  [
    "not forwarded, fourth resend: 8 s backoff",
    {
      kind: "resend",
      reason: "server-unreachable",
      message: { code: "proxy", kind: "upstream-unreachable", status: 502 },
    },
    { request, resends: 3 },
    { kind: "requeue", waitMs: 8_000, reason: "server-unreachable", pauseAll: false, countsAsResend: true },
  ],
  [
    "not forwarded, resends used up: not sent, stop",
    {
      kind: "resend",
      reason: "not-applied",
      message: { code: "proxy", kind: "upstream-unreachable", status: 502 },
    },
    { request, resends: 5 },
    { kind: "settle", phase: "failed", outcomes: ["not-sent", "not-sent"], stop: "server-unreachable" },
  ],
  [
    "502 after sending: unknown, never resent",
    { kind: "unknown", status: 502, message: { code: "answered", status: 502 } },
    fresh,
    { kind: "settle", phase: "unknown", outcomes: ["unknown", "unknown"] },
  ],
  [
    "no answer: unknown, and the server is probed",
    { kind: "unknown", message: { code: "connectionLost" } },
    fresh,
    { kind: "settle", phase: "unknown", outcomes: ["unknown", "unknown"], offline: true },
  ],
  [
    "400: rows failed",
    {
      kind: "rejected",
      status: 400,
      body: undefined,
      category: "VALIDATION_ERROR",
      message: { code: "hubspot", text: "bad" },
    },
    fresh,
    { kind: "settle", phase: "failed", outcomes: ["failed", "failed"] },
  ],
  [
    "401: failed, stop",
    {
      kind: "stop-auth",
      status: 401,
      category: "INVALID_AUTHENTICATION",
      message: { code: "token", cause: { code: "hubspot", text: "expired" } },
    },
    fresh,
    { kind: "settle", phase: "failed", outcomes: ["failed", "failed"], stop: "auth" },
  ],
  [
    "signed out: not sent (nothing was forwarded), stop to resume after signing in",
    { kind: "signed-out", message: { code: "signedOut" }, signIn: "/auth/login" },
    fresh,
    { kind: "settle", phase: "not-sent", outcomes: ["not-sent", "not-sent"], stop: "signed-out" },
  ],
  [
    "429 daily: not sent, stop",
    { kind: "stop-daily", message: { code: "dailyLimit" } },
    fresh,
    { kind: "settle", phase: "failed", outcomes: ["not-sent", "not-sent"], stop: "daily-limit" },
  ],
];

describe("decide(entry, verdict, policy)", () => {
  it.each(cases)("%s", (_name, verdict, entry, expected) => {
    expect(shape(decide(entry, verdict, policy))).toEqual(expected);
  });

  it("a signed-out stop keeps where signing in starts, and the rows say why they were not sent", () => {
    const decision = decide(
      fresh,
      { kind: "signed-out", message: { code: "signedOut" }, signIn: "/auth/login" },
      policy,
    );
    expect(decision).toMatchObject({
      stop: { kind: "signed-out", signIn: "/auth/login" },
      rows: [{ error: { category: "SIGNED_OUT" } }, { error: { category: "SIGNED_OUT" } }],
    });
  });

  it("a unique-key conflict is ours only for rows this submission may have created", () => {
    const conflict: Verdict = {
      kind: "batch",
      status: 207,
      response: {
        status: "COMPLETE",
        results: [],
        errors: ["a", "b"].map((id) => ({
          category: "CONFLICT",
          message: `A quote with k="${id}" already exists. Existing ID: 9${id === "a" ? 1 : 2}`,
          context: { objectWriteTraceId: [id], propertyName: ["k"] },
        })),
        startedAt: at,
        completedAt: at,
      },
    };
    const decision = decide(fresh, conflict, {
      ...policy,
      uniqueProperty: "k",
      maybeCreated: new Set(["a"]),
    });
    expect(shape(decision)).toEqual({ kind: "settle", phase: "complete", outcomes: ["created", "exists"] });
  });

  it("words nothing itself: the rows carry codes (with what HubSpot or the proxy said inside)", () => {
    const gaveUp = decide(
      { request, resends: 5 },
      { kind: "resend", reason: "not-applied", message: { code: "proxy", kind: "busy", status: 503 } },
      policy,
    );
    expect(gaveUp).toMatchObject({
      rows: [{ error: { category: "UNREACHABLE", message: { code: "gaveUp", tries: 6 } } }, {}],
      stop: {
        kind: "server-unreachable",
        message: { code: "gaveUp", cause: { code: "proxy", kind: "busy" } },
      },
    });
    const unknown = decide(
      fresh,
      { kind: "unknown", message: { code: "noAnswerWithin", seconds: 120 } },
      policy,
    );
    expect(unknown).toMatchObject({
      rows: [
        { error: { message: { code: "mayExist", cause: { code: "noAnswerWithin", seconds: 120 } } } },
        {},
      ],
      note: { code: "noAnswerWithin", seconds: 120 },
    });
  });
});
