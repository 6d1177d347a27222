// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { createSubmission } from "../../domain/submission/state.ts";
import type { SubmissionState } from "../../domain/submission/types.ts";
import { signedOutStop, signedOutUndo } from "./signed-out-stop.ts";

const base = createSubmission({
  id: "s",
  now: 1_000,
  environment: { kind: "simulator" },
  rateLimit: { max: 100, intervalMs: 10_000 },
  rows: [],
}).state;

const stopped = (finishedAt: number, signIn?: string): SubmissionState => ({
  ...base,
  status: "stopped",
  finishedAt,
  stopReason: { kind: "signed-out", message: "ended", ...(signIn ? { signIn } : {}) },
});

describe("signedOutStop", () => {
  it("is nothing for a run that was not stopped by a sign-in ending", () => {
    expect(signedOutStop(base, 0)).toBeUndefined();
    expect(
      signedOutStop({ ...base, stopReason: { kind: "daily-limit", message: "daily" } }, 0),
    ).toBeUndefined();
  });

  it("while the page that was signed out is open: sign in again, back to this very page", () => {
    window.history.replaceState(null, "", "/?sentBy=sam%40example.com#results");
    expect(signedOutStop(stopped(5_000, "/auth/login"), 2_000)).toEqual({
      inThisPage: true,
      signInHref: "/auth/login?returnTo=%2F%3FsentBy%3Dsam%2540example.com%23results",
    });
    // Behind a reverse proxy, loading the page again signs in.
    expect(signedOutStop(stopped(5_000), 2_000)?.signInHref).toBe(window.location.href);
  });

  it("in a page loaded after the stop (signed in again): resume, no sign-in link", () => {
    expect(signedOutStop(stopped(5_000, "/auth/login"), 9_000)).toEqual({
      inThisPage: false,
      signInHref: undefined,
    });
  });
});

describe("signedOutUndo", () => {
  const undo = { startedAt: 1_000, quotes: 300, lineItems: 900, archived: 100, failed: 0 };
  it("is nothing for an undo that runs, finished, or was never started", () => {
    expect(signedOutUndo(base, 0)).toBeUndefined();
    expect(signedOutUndo({ ...base, undo: { ...undo, finishedAt: 5_000 } }, 0)).toBeUndefined();
  });

  it("paused in this page: sign in again; paused before this page loaded: resume", () => {
    const paused = { ...base, undo: { ...undo, paused: { at: 5_000, signIn: "/auth/login" } } };
    expect(signedOutUndo(paused, 2_000)).toMatchObject({ inThisPage: true });
    expect(signedOutUndo(paused, 2_000)?.signInHref).toMatch(/^\/auth\/login\?returnTo=/);
    expect(signedOutUndo(paused, 9_000)).toEqual({ inThisPage: false, signInHref: undefined });
  });
});
