import "fake-indexeddb/auto";
import { createStore } from "idb-keyval";
import { describe, expect, it } from "vitest";
import { createRow } from "../../domain/batch/row.ts";
import { applyQueueEvent, createSubmission } from "../../domain/submission/state.ts";
import { FakeClock } from "../../test/fake-clock.ts";
import { fakeHubspot } from "../../test/fake-hubspot.ts";
import { ApiError } from "../api/api-error.ts";
import { SubmissionStorage } from "../storage/submissions.ts";
import { SubmissionStore } from "./submission-store.ts";

const rows = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    row: createRow({ hs_title: `Q${i + 1}` }, `r${i + 1}`),
    rowNumber: i + 1,
  }));
let dbCount = 0;
const freshStorage = () => new SubmissionStorage(createStore(`test-submissions-${++dbCount}`, "submissions"));

describe("SubmissionStore", () => {
  it("runs a submission, persists it, and a new store (a reload) shows it again", async () => {
    const storage = freshStorage();
    const clock = new FakeClock();
    const hubspot = fakeHubspot({ clock, latencyMs: 100 });
    const store = new SubmissionStore({ storage, clock, newId: () => "sub-1" });
    const done = store.start(
      { environment: { kind: "simulator" }, rateLimit: { max: 100, intervalMs: 10_000 }, rows: rows(150) },
      { send: (_id, request, signal) => hubspot.send(request, signal) },
    );
    const finished = await clock.run(done);
    expect(finished.status).toBe("done");
    expect(finished.rows.every((row) => row.outcome === "created")).toBe(true);

    const reloaded = new SubmissionStore({ storage });
    await reloaded.restore();
    expect(reloaded.getSnapshot().current?.id).toBe("sub-1");
    expect(reloaded.getSnapshot().current?.rows).toHaveLength(150);
    expect((await storage.list())[0]).toMatchObject({ id: "sub-1", total: 150, counts: { created: 150 } });
  });

  it("after a reload mid-run, requests on the wire become unknown and unsent ones not sent", async () => {
    const storage = freshStorage();
    const { state } = createSubmission({
      id: "sub-2",
      now: 0,
      environment: { kind: "simulator" },
      rateLimit: { max: 100, intervalMs: 10_000 },
      rows: rows(250),
    });
    const running = applyQueueEvent(state, { type: "sending", requestId: "sub-2-r1", attempt: 1, at: 1 });
    await storage.save(running, {
      id: "sub-2",
      createdAt: 0,
      status: "running",
      environment: "Simulator",
      counts: {},
      total: 250,
    });

    const store = new SubmissionStore({ storage });
    await store.restore();
    const shown = store.getSnapshot().current;
    expect(shown?.status).toBe("interrupted");
    expect(shown?.rows.filter((row) => row.outcome === "unknown")).toHaveLength(100);
    expect(shown?.rows.filter((row) => row.outcome === "not-sent")).toHaveLength(150);
    expect((await storage.load("sub-2"))?.status).toBe("interrupted");
  });

  it("saves a person's verdict at once, not at the next periodic save (a reload right after keeps it)", async () => {
    const storage = freshStorage();
    const { state } = createSubmission({
      id: "sub-4",
      now: 0,
      environment: { kind: "simulator" },
      rateLimit: { max: 100, intervalMs: 10_000 },
      rows: rows(2),
    });
    await storage.save(state, {
      id: "sub-4",
      createdAt: 0,
      status: "done",
      environment: "Simulator",
      counts: {},
      total: 2,
    });
    // The periodic save is a minute away: only an immediate save can have written the verdict.
    const store = new SubmissionStore({ storage, persistEveryMs: 60_000 });
    await store.restore();
    store.mark(new Map([["r1", { outcome: "created", hubspotId: "901" }]]));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await storage.load("sub-4"))?.rows.find((row) => row.rowId === "r1")).toMatchObject({
      outcome: "created",
      hubspotId: "901",
    });
  });

  it("retries only failed rows, as edited, keeping their stamped unique value", async () => {
    const clock = new FakeClock();
    const hubspot = fakeHubspot({
      clock,
      reject: (input) => (input.properties.hs_title === "Q2" ? 'Property "hs_title" is bad' : undefined),
    });
    const runner = {
      send: (_id: string, request: Parameters<typeof hubspot.send>[0], signal: AbortSignal) =>
        hubspot.send(request, signal),
    };
    const store = new SubmissionStore({ clock, newId: () => "sub-3" });
    const initial = rows(3);
    await clock.run(
      store.start(
        {
          environment: { kind: "simulator" },
          rateLimit: { max: 100, intervalMs: 10_000 },
          rows: initial,
          serialise: { stamp: { propertyName: "batch_row_key", valueFor: (row) => `k-${row.id}` } },
        },
        runner,
      ),
    );
    expect(store.getSnapshot().current?.rows.map((row) => row.outcome)).toEqual([
      "created",
      "failed",
      "created",
    ]);
    const edited = new Map(
      initial.map(({ row }) => [row.id, row.id === "r2" ? createRow({ hs_title: "Q2 fixed" }, "r2") : row]),
    );
    const after = await clock.run(store.resend(["r2"], edited, {}, runner));
    expect(after.rows.map((row) => row.outcome)).toEqual(["created", "created", "created"]);
    expect(after.requests).toHaveLength(2);
    expect(hubspot.created().map((q) => q.properties.batch_row_key)).toEqual(["k-r1", "k-r3", "k-r2"]);
    expect(hubspot.created()[2]?.properties.hs_title).toBe("Q2 fixed");
  });
});

describe("SubmissionStore reconcile through the server", () => {
  const unknownState = () => {
    const { state } = createSubmission({
      id: "sub-r",
      now: 0,
      environment: { kind: "simulator" },
      rateLimit: { max: 100, intervalMs: 10_000 },
      rows: rows(3),
    });
    return {
      ...state,
      uniqueProperty: "qbc_key",
      status: "done" as const,
      rows: state.rows.map((row) => ({ ...row, outcome: "unknown" as const, uniqueValue: row.rowId })),
    };
  };

  it("takes the server's findings, saves them, and sends again only the missing rows this browser holds", async () => {
    const storage = freshStorage();
    const store = new SubmissionStore({ storage });
    const state = unknownState();
    store.show(state);
    const asked: string[] = [];
    const sent: string[][] = [];
    const settled = {
      ...state,
      rows: state.rows.map((row, i) =>
        i === 0
          ? { ...row, outcome: "created" as const, hubspotId: "901" }
          : { ...row, outcome: "not-sent" as const },
      ),
    };
    const result = await store.reconcile(
      // r2 is still in this browser's batch; r3 is not (it was sent from another browser's draft).
      new Map([["r2", createRow({ hs_title: "Q2", hs_expiration_date: "2031-01-01" }, "r2")]]),
      { isWritable: () => true },
      {
        send: async (_id, request) => {
          sent.push(request.rowIds.map(String));
          return {
            kind: "answered",
            status: 201,
            headers: { get: () => null },
            body: {
              status: "COMPLETE",
              results: request.inputs.map((input, i) => ({
                id: `9${i}`,
                properties: {},
                createdAt: "x",
                updatedAt: "x",
                objectWriteTraceId: input.objectWriteTraceId,
              })),
              startedAt: "x",
              completedAt: "x",
            },
          };
        },
        reconcileOnServer: async (id) => {
          asked.push(id);
          // The server was given this browser's latest state before it was asked.
          expect((await storage.load(id))?.rows[0]?.outcome).toBe("unknown");
          return { state: settled, found: 1, fromJournal: 0, missing: ["r2", "r3"], unverifiable: [] };
        },
      },
    );
    expect(asked).toEqual(["sub-r"]);
    expect(result).toEqual({ found: 1, resent: 1, notHere: 1 });
    expect(sent).toEqual([["r2"]]);
    const now = store.getSnapshot().current;
    expect(now?.rows.map((row) => row.outcome)).toEqual(["created", "created", "not-sent"]);
    expect((await storage.load("sub-r"))?.rows[0]).toMatchObject({ outcome: "created", hubspotId: "901" });
  });

  it("reconciles in this browser when the server does not know the submission (404)", async () => {
    const store = new SubmissionStore();
    const state = unknownState();
    store.show(state);
    const result = await store.reconcile(
      new Map(),
      { isWritable: () => true },
      {
        send: () => Promise.reject(new Error("nothing is sent")),
        read: async (request) => ({
          status: "COMPLETE",
          results: request.inputs.map((input) => ({
            id: `id-${input.id}`,
            properties: { qbc_key: input.id },
            createdAt: "x",
            updatedAt: "x",
          })),
          startedAt: "x",
          completedAt: "x",
        }),
        reconcileOnServer: () => Promise.reject(new ApiError("http", "There is no such submission.", 404)),
      },
    );
    expect(result).toEqual({ found: 3, resent: 0, notHere: 0 });
  });
});
