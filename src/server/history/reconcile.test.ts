import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SubmissionState } from "../../domain/submission/types.ts";
import { UNIQUE_PROPERTY_NAME } from "../../simulator/quote-properties.ts";
import { createSimulator, SIMULATOR_TOKEN } from "../../simulator/simulator.ts";
import type { Database } from "../db/database.ts";
import { databasesUnderTest } from "../db/test-databases.ts";
import type { SignedInUser } from "../identity.ts";
import { Journal } from "../journal/journal.ts";
import { createProxy } from "../proxy.ts";
import { Submissions } from "./submissions.ts";
import { submissionsApi } from "./submissions-api.ts";

const ana: SignedInUser = { id: "ana@example.com", name: "Ana", role: "submitter" };
const ben: SignedInUser = { id: "ben@example.com", role: "submitter" };
const admin: SignedInUser = { id: "boss@example.com", role: "admin" };
const ORIGIN = "http://127.0.0.1:4173";

const row = (rowId: string, outcome: string, uniqueValue?: string) => ({
  rowId,
  rowNumber: Number(rowId.slice(1)),
  title: `Quote ${rowId}`,
  outcome,
  requestId: "sub-r1",
  ...(uniqueValue ? { uniqueValue } : {}),
  ...(outcome === "unknown"
    ? { error: { category: "UNKNOWN_OUTCOME", message: "The connection dropped." } }
    : {}),
});

describe.each(databasesUnderTest())("reconcile from any browser, on the $name database", ({ open }) => {
  let db: Database;
  let journal: Journal;
  let call: (method: string, path: string, user: SignedInUser, body?: unknown) => Promise<Response>;
  const simulator = createSimulator({ rateLimitPerTenSeconds: 1000 });

  beforeAll(async () => {
    db = await open();
    journal = new Journal(db, "test");
    const proxy = createProxy({
      upstream: (request) => simulator.fetch(request),
      upstreamName: "simulator",
      token: SIMULATOR_TOKEN,
      perTenSeconds: 1000,
      journal,
      routes: [submissionsApi(new Submissions(db), journal)],
    });
    call = (method, path, user, body) =>
      proxy(
        new Request(`${ORIGIN}${path}`, {
          method,
          ...(body === undefined
            ? {}
            : { body: JSON.stringify(body), headers: { "content-type": "application/json" } }),
        }),
        { user },
      );
  }, 60_000);
  afterAll(() => db.close());

  it("settles unknown rows from the journal and from HubSpot by their unique key, and records it", async () => {
    // HubSpot has the quotes of r1 and r3 (applied, the answer lost); r2's never arrived.
    const created = await call("POST", "/api/hubspot/crm/v3/objects/quotes/batch/create", ana, {
      inputs: ["k1", "k3"].map((key) => ({
        properties: { hs_title: key, hs_expiration_date: "2031-01-01", [UNIQUE_PROPERTY_NAME]: key },
        associations: [],
        objectWriteTraceId: `setup-${key}`,
      })),
    });
    expect(created.status).toBe(201);
    // The journal: r3 went out in a request whose answer never came (a crash); r4's answer reached the
    // server but not the browser, which still had it pending.
    const lost = await journal.recordSent({
      user: ana,
      submissionId: "sub",
      requestId: "sub-r2",
      method: "POST",
      path: "/crm/v3/objects/quotes/batch/create",
      objectType: "quotes",
      action: "create",
      traceIds: ["r3"],
      inputCount: 1,
    });
    await journal.recordNoAnswer(lost, "unknown", "The server stopped while this request was on its way.");
    const answered = await journal.recordSent({
      user: ana,
      submissionId: "sub",
      requestId: "sub-r3",
      method: "POST",
      path: "/crm/v3/objects/quotes/batch/create",
      objectType: "quotes",
      action: "create",
      traceIds: ["r4"],
      inputCount: 1,
    });
    await journal.recordAnswer(answered, {
      status: 201,
      created: [{ id: "777", traceId: "r4" }],
      errors: [],
    });
    const state = {
      id: "sub",
      createdAt: Date.UTC(2026, 11, 1),
      status: "interrupted",
      environment: { kind: "simulator" },
      rateLimit: { max: 100, intervalMs: 10_000 },
      uniqueProperty: UNIQUE_PROPERTY_NAME,
      rows: [
        row("r1", "unknown", "k1"),
        row("r2", "unknown", "k2"),
        row("r3", "pending", "k3"),
        row("r4", "pending", "k4"),
        row("r5", "unknown"),
        row("r6", "created", "k6"),
        row("r7", "pending", "k7"),
      ],
      requests: [],
      skipped: [],
    };
    expect((await call("PUT", "/api/submissions/sub", ana, { state })).status).toBe(200);

    const refused = await call("POST", "/api/submissions/sub/reconcile", ben);
    expect(refused.status).toBe(403);
    expect((await refused.json()).message).toMatch(/only they or an admin can reconcile/);

    const response = await call("POST", "/api/submissions/sub/reconcile", ana);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ found: 2, fromJournal: 1, missing: ["r2"], unverifiable: ["r5"] });
    const outcomes = Object.fromEntries(
      body.state.rows.map((r: { rowId: string; outcome: string; hubspotId?: string }) => [r.rowId, r]),
    );
    expect(outcomes.r1).toMatchObject({ outcome: "created", hubspotId: expect.any(String) });
    expect(outcomes.r1.error).toBeUndefined();
    // A code, not English: each viewer's browser words it (and reads it with the domain's schema).
    expect(outcomes.r2).toMatchObject({
      outcome: "not-sent",
      error: { category: "NOT_IN_HUBSPOT", message: { code: "notInHubspot" } },
    });
    expect(SubmissionState.parse(body.state).rows.find((r) => r.rowId === "r2")?.error?.message).toEqual({
      code: "notInHubspot",
    });
    expect(outcomes.r3).toMatchObject({ outcome: "created" });
    expect(outcomes.r4).toMatchObject({ outcome: "created", hubspotId: "777" });
    expect(outcomes.r5).toMatchObject({ outcome: "unknown" });
    expect(outcomes.r6).toMatchObject({ outcome: "created" });
    // Pending without any journal entry: never sent as far as the server knows; left as the browser said.
    expect(outcomes.r7).toMatchObject({ outcome: "pending" });

    // Recorded: the team's History counts it, any browser re-opens the reconciled state, the journal says so.
    const list = await (await call("GET", "/api/submissions?user=ana@example.com", admin)).json();
    expect(list.submissions[0].counts).toEqual({ created: 4, "not-sent": 1, unknown: 1, pending: 1 });
    const reopened = await (await call("GET", "/api/submissions/sub", admin)).json();
    expect(reopened.state.rows[0]).toMatchObject({ rowId: "r1", outcome: "created" });
    const entries = await journal.list({ submissionId: "sub" });
    expect(entries.find((e) => e.id === lost)).toMatchObject({
      state: "reconciled",
      note: expect.stringMatching(/on its way\. Reconciled by ana@example\.com at /),
    });

    // The browser that sent it still has its old copy: saving it again does not undo what was settled.
    expect((await call("PUT", "/api/submissions/sub", ana, { state })).status).toBe(200);
    const kept = await (await call("GET", "/api/submissions/sub", ana)).json();
    expect(kept.state.rows.map((r: { outcome: string }) => r.outcome)).toEqual([
      "created",
      "not-sent",
      "created",
      "created",
      "unknown",
      "created",
      "pending",
    ]);

    // Nothing left that a reconcile can settle: a second one changes nothing.
    const again = await (await call("POST", "/api/submissions/sub/reconcile", admin)).json();
    expect(again).toMatchObject({ found: 0, fromJournal: 0, missing: [], unverifiable: ["r5"] });
  });

  it("says so when there is no such submission, and only POST reconciles", async () => {
    expect((await call("POST", "/api/submissions/nope/reconcile", ana)).status).toBe(404);
    expect((await call("GET", "/api/submissions/sub/reconcile", ana)).status).toBe(404);
  });
});
