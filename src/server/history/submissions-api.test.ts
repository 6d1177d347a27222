import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../db/database.ts";
import { databasesUnderTest } from "../db/test-databases.ts";
import type { SignedInUser } from "../identity.ts";
import { createProxy } from "../proxy.ts";
import { Submissions } from "./submissions.ts";
import { submissionsApi } from "./submissions-api.ts";

const ana: SignedInUser = { id: "ana@example.com", name: "Ana", role: "submitter" };
const ben: SignedInUser = { id: "ben@example.com", role: "submitter" };
const admin: SignedInUser = { id: "boss@example.com", role: "admin" };
const viewer: SignedInUser = { id: "val@example.com", role: "viewer" };

const state = (id: string, createdAt: number, outcomes: string[]) => ({
  id,
  createdAt,
  status: "done",
  finishedAt: createdAt + 1_000,
  environment: { kind: "simulator" },
  rateLimit: { max: 100, intervalMs: 10_000 },
  rows: outcomes.map((outcome, i) => ({
    rowId: `${id}-row-${i}`,
    rowNumber: i + 1,
    title: `Q${i}`,
    outcome,
  })),
  requests: [],
  skipped: [],
});

describe.each(databasesUnderTest())("the team's history on the $name database", ({ open }) => {
  let db: Database;
  let call: (method: string, path: string, user: SignedInUser, body?: unknown) => Promise<Response>;
  beforeAll(async () => {
    db = await open();
    const proxy = createProxy({
      upstream: () => Promise.reject(new Error("no upstream in this test")),
      upstreamName: "hubspot",
      token: "pat-test",
      perTenSeconds: 100,
      routes: [submissionsApi(new Submissions(db))],
    });
    call = (method, path, user, body) =>
      proxy(
        new Request(`http://127.0.0.1:4173${path}`, {
          method,
          ...(body === undefined
            ? {}
            : { body: JSON.stringify(body), headers: { "content-type": "application/json" } }),
        }),
        { user },
      );
    const put = async (user: SignedInUser, s: ReturnType<typeof state>) =>
      expect((await call("PUT", `/api/submissions/${s.id}`, user, { state: s })).status).toBe(200);
    await put(ana, state("s-ana-1", Date.UTC(2026, 10, 3), ["created", "created", "failed"]));
    await put(ana, state("s-ana-2", Date.UTC(2026, 10, 20), ["created", "unknown"]));
    await put(ben, state("s-ben-1", Date.UTC(2026, 10, 10), ["created"]));
  }, 60_000);
  afterAll(() => db.close());

  const ids = async (path: string, user: SignedInUser) => {
    const response = await call("GET", path, user);
    expect(response.status).toBe(200);
    const body: { submissions: { id: string }[] } = await response.json();
    return body.submissions.map((s) => s.id);
  };

  it("shows each person their own submissions, newest first, with counts and who sent them", async () => {
    expect(await ids("/api/submissions", ana)).toEqual(["s-ana-2", "s-ana-1"]);
    const body = await (await call("GET", "/api/submissions", ben)).json();
    expect(body.submissions).toEqual([
      {
        id: "s-ben-1",
        owner: { id: "ben@example.com" },
        createdAt: Date.UTC(2026, 10, 10),
        finishedAt: Date.UTC(2026, 10, 10) + 1_000,
        status: "done",
        environment: { kind: "simulator" },
        total: 1,
        counts: { created: 1 },
      },
    ]);
    expect(await ids("/api/submissions", viewer)).toEqual([]);
  });

  it("shows an admin everyone's, filtered by person, date and outcome", async () => {
    expect(await ids("/api/submissions", admin)).toEqual(["s-ana-2", "s-ben-1", "s-ana-1"]);
    expect(await ids("/api/submissions?user=ana@example.com", admin)).toEqual(["s-ana-2", "s-ana-1"]);
    const from = Date.UTC(2026, 10, 5);
    const to = Date.UTC(2026, 10, 15);
    expect(await ids(`/api/submissions?from=${from}&to=${to}`, admin)).toEqual(["s-ben-1"]);
    expect(await ids("/api/submissions?outcome=unknown", admin)).toEqual(["s-ana-2"]);
    expect(await ids("/api/submissions?outcome=failed", admin)).toEqual(["s-ana-1"]);
    // A non-admin's `user` filter cannot widen what they see.
    expect(await ids("/api/submissions?user=ben@example.com", ana)).toEqual(["s-ana-2", "s-ana-1"]);
  });

  it("hands back the full state to its owner or an admin, to nobody else", async () => {
    const own = await call("GET", "/api/submissions/s-ana-1", ana);
    expect(own.status).toBe(200);
    expect((await own.json()).state).toMatchObject({ id: "s-ana-1", rows: [{ outcome: "created" }, {}, {}] });
    expect((await call("GET", "/api/submissions/s-ana-1", admin)).status).toBe(200);
    expect((await call("GET", "/api/submissions/s-ana-1", ben)).status).toBe(404);
    expect((await call("GET", "/api/submissions/nope", admin)).status).toBe(404);
  });

  it("lets the owner or an admin update it (a reconcile from another browser), not someone else", async () => {
    const reconciled = state("s-ana-2", Date.UTC(2026, 10, 20), ["created", "created"]);
    expect((await call("PUT", "/api/submissions/s-ana-2", ben, { state: reconciled })).status).toBe(403);
    expect((await call("PUT", "/api/submissions/s-ana-2", admin, { state: reconciled })).status).toBe(200);
    const body = await (await call("GET", "/api/submissions?user=ana@example.com", admin)).json();
    expect(body.submissions[0]).toMatchObject({
      id: "s-ana-2",
      owner: { id: "ana@example.com" },
      counts: { created: 2 },
    });
    expect(await ids("/api/submissions?outcome=unknown", admin)).toEqual([]);
  });

  it("refuses bad input with a message that says what is wrong", async () => {
    const bad = await call("PUT", "/api/submissions/s-x", ana, { state: { id: "s-x" } });
    expect(bad.status).toBe(400);
    expect((await bad.json()).message).toMatch(/not in the expected shape: state\.createdAt/);
    const mismatch = await call("PUT", "/api/submissions/s-y", ana, { state: state("s-z", 1, []) });
    expect((await mismatch.json()).message).toMatch(/does not match/);
    expect((await call("PUT", "/api/submissions/s-v", viewer, { state: state("s-v", 1, []) })).status).toBe(
      403,
    );
    expect((await call("GET", "/api/submissions?from=yesterday", ana)).status).toBe(400);
  });
});
