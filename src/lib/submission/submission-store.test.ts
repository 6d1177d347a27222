import "fake-indexeddb/auto";
import { createStore } from "idb-keyval";
import { describe, expect, it } from "vitest";
import { createRow } from "../../domain/batch/row.ts";
import { applyQueueEvent, createSubmission } from "../../domain/submission/state.ts";
import { FakeClock } from "../../test/fake-clock.ts";
import { fakeHubspot } from "../../test/fake-hubspot.ts";
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
