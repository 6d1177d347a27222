import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALLOWED_ROUTES, NOT_FORWARDED_HEADER } from "../../hubspot/endpoints.ts";
import { FakeClock } from "../../test/fake-clock.ts";
import type { Database } from "../db/database.ts";
import { databasesUnderTest } from "../db/test-databases.ts";
import type { SignedInUser } from "../identity.ts";
import { createProxy, type Upstream } from "../proxy.ts";
import { Journal } from "./journal.ts";
import { SentLog } from "./sent-log.ts";

const ORIGIN = "http://127.0.0.1:4173";
const PATH = "/api/hubspot/crm/v3/objects/quotes/batch/create";
const ana: SignedInUser = { id: "ana@example.com", name: "Ana", role: "submitter" };
const quote = (traceId: string) => ({
  properties: { hs_title: traceId, hs_expiration_date: "2030-01-31" },
  associations: [],
  objectWriteTraceId: traceId,
});

const [embedded] = databasesUnderTest();
let db: Database;
beforeAll(async () => {
  db = await embedded!.open();
}, 60_000);
afterAll(() => db.close());

function setup(upstream: Upstream, extra: { timeoutMs?: number; journal?: Journal } = {}) {
  const journal = extra.journal ?? new Journal(db, "test");
  let calls = 0;
  const clock = new FakeClock(0);
  const proxy = createProxy({
    upstream: (request) => {
      calls++;
      return upstream(request);
    },
    upstreamName: "hubspot",
    token: "pat-na1-test",
    perTenSeconds: 100,
    journal,
    clock,
    ...(extra.timeoutMs ? { timeoutMs: extra.timeoutMs } : {}),
  });
  const create = (submissionId: string, traceIds: string[]) =>
    proxy(
      new Request(`${ORIGIN}${PATH}`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-qbc-submission-id": submissionId,
          "x-qbc-request-id": `${submissionId}-r1`,
        },
        body: JSON.stringify({ inputs: traceIds.map(quote) }),
      }),
      { user: ana },
    );
  return { journal, create, clock, calls: () => calls, proxy };
}

const answer207: Upstream = async () =>
  Response.json(
    {
      status: "COMPLETE",
      results: [{ id: "501", properties: {}, createdAt: "x", updatedAt: "x", objectWriteTraceId: "row-a" }],
      numErrors: 1,
      errors: [
        {
          status: "error",
          category: "VALIDATION_ERROR",
          message: "Property values were not valid",
          context: { objectWriteTraceId: ["row-b"] },
        },
      ],
      startedAt: "x",
      completedAt: "x",
    },
    { status: 207, headers: { "x-hubspot-correlation-id": "corr-207" } },
  );

describe("the proxy journals every CRM write", () => {
  it("records the user, the browser's ids, the trace ids and HubSpot's answer", async () => {
    const { journal, create } = setup(answer207);
    const response = await create("sub-1", ["row-a", "row-b"]);
    expect(response.status).toBe(207);
    await journal.settled();
    const [entry] = await journal.list({ submissionId: "sub-1" });
    expect(entry).toMatchObject({
      user: { id: "ana@example.com", name: "Ana" },
      submissionId: "sub-1",
      requestId: "sub-1-r1",
      objectType: "quotes",
      action: "create",
      traceIds: ["row-a", "row-b"],
      inputCount: 2,
      state: "answered",
      answer: {
        status: 207,
        created: [{ id: "501", traceId: "row-a" }],
        errors: [
          { category: "VALIDATION_ERROR", message: "Property values were not valid", traceIds: ["row-b"] },
        ],
        correlationId: "corr-207",
      },
    });
  });

  it("keeps a 429's correlation id and message", async () => {
    const { journal, create } = setup(async () =>
      Response.json(
        {
          status: "error",
          message: "You have reached your ten_secondly_rolling limit.",
          errorType: "RATE_LIMIT",
          correlationId: "corr-429",
          policyName: "TEN_SECONDLY_ROLLING",
        },
        { status: 429 },
      ),
    );
    await create("sub-429", ["row-c"]);
    await journal.settled();
    expect((await journal.list({ submissionId: "sub-429" }))[0]?.answer).toEqual({
      status: 429,
      created: [],
      errors: [{ category: "RATE_LIMIT", message: "You have reached your ten_secondly_rolling limit." }],
      correlationId: "corr-429",
    });
  });

  it("a timeout is sent, outcome unknown", async () => {
    const { journal, create, clock } = setup(() => new Promise<Response>(() => undefined), {
      timeoutMs: 5_000,
    });
    const pending = create("sub-timeout", ["row-d"]);
    await expect
      .poll(async () => (await journal.list({ submissionId: "sub-timeout" }))[0]?.state)
      .toBe("sent");
    await clock.advance(5_000);
    expect((await pending).status).toBe(504);
    await journal.settled();
    expect((await journal.list({ submissionId: "sub-timeout" }))[0]).toMatchObject({
      state: "unknown",
      note: expect.stringContaining("did not answer within 5 s"),
    });
  });

  it("a connection refused before sending is not-sent", async () => {
    const refused = Object.assign(new TypeError("fetch failed"), {
      cause: Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }),
    });
    const { journal, create } = setup(() => Promise.reject(refused));
    expect((await create("sub-refused", ["row-e"])).headers.get(NOT_FORWARDED_HEADER)).toBe("1");
    await journal.settled();
    expect((await journal.list({ submissionId: "sub-refused" }))[0]?.state).toBe("not-sent");
  });

  it("does not send a write the journal cannot record, and says it is safe to resend", async () => {
    const broken = new Journal(
      {
        query: () => Promise.reject(new Error("disk full")),
      },
      "broken",
    );
    const { create, calls } = setup(answer207, { journal: broken });
    const response = await create("sub-broken", ["row-f"]);
    expect(response.status).toBe(503);
    expect(response.headers.get(NOT_FORWARDED_HEADER)).toBe("1");
    expect(await response.json()).toMatchObject({ category: "DATABASE_UNAVAILABLE" });
    expect(calls()).toBe(0);
  });

  it("does not journal reads", async () => {
    const { journal, proxy } = setup(async () => Response.json({ results: [] }));
    const before = (await journal.list()).length;
    await proxy(new Request(`${ORIGIN}/api/hubspot/crm/v3/properties/quotes`), { user: ana });
    expect((await journal.list()).length).toBe(before);
  });
});

describe("every kind of CRM write", () => {
  const writes = ALLOWED_ROUTES.filter(
    (route) => route.body === "batchCreate" || route.body === "batchUpdate" || route.body === "batchArchive",
  );
  const samplePath = (pattern: RegExp) =>
    ["quotes", "line_items"]
      .flatMap((type) =>
        ["create", "update", "archive"].map((action) => `/crm/v3/objects/${type}/batch/${action}`),
      )
      .filter((path) => pattern.test(path));
  const bodyFor = (action: string, ids: string[]) =>
    action === "create"
      ? {
          inputs: ids.map((id) => ({
            properties: { hs_title: id },
            associations: [],
            objectWriteTraceId: id,
          })),
        }
      : action === "update"
        ? { inputs: ids.map((id) => ({ id, properties: { hs_status: "APPROVAL_NOT_NEEDED" } })) }
        : { inputs: ids.map((id) => ({ id })) };

  it("is journalled: quote and line-item creates, updates and archives", () => {
    expect(writes.flatMap((route) => samplePath(route.pattern)).sort()).toEqual([
      "/crm/v3/objects/line_items/batch/archive",
      "/crm/v3/objects/line_items/batch/create",
      "/crm/v3/objects/quotes/batch/archive",
      "/crm/v3/objects/quotes/batch/create",
      "/crm/v3/objects/quotes/batch/update",
    ]);
  });

  it.each(writes.flatMap((route) => samplePath(route.pattern)))(
    "%s: sent is recorded before it goes upstream, with who, when, the ids, then the answer",
    async (hubspotPath) => {
      const [, objectType = "", action = ""] = /objects\/(\w+)\/batch\/(\w+)/.exec(hubspotPath) ?? [];
      const submissionId = `sub-${objectType}-${action}`;
      const journal = new Journal(db, "test");
      const atSend: unknown[] = [];
      const proxy = createProxy({
        upstream: async () => {
          atSend.push(...(await journal.list({ submissionId })));
          if (action === "archive") return new Response(null, { status: 204 });
          return Response.json(
            { status: "COMPLETE", results: [{ id: "9001", properties: {} }] },
            { status: action === "create" ? 201 : 200 },
          );
        },
        upstreamName: "hubspot",
        token: "pat-na1-test",
        perTenSeconds: 100,
        journal,
      });
      const before = Date.now();
      const response = await proxy(
        new Request(`${ORIGIN}/api/hubspot${hubspotPath}`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "x-qbc-submission-id": submissionId,
            "x-qbc-request-id": `${submissionId}-r1`,
          },
          body: JSON.stringify(bodyFor(action, ["id-1", "id-2"])),
        }),
        { user: ana },
      );
      expect(response.status).toBeLessThan(300);
      expect(atSend).toMatchObject([{ state: "sent", requestId: `${submissionId}-r1` }]);
      await journal.settled();
      const [entry] = await journal.list({ submissionId });
      expect(entry).toMatchObject({
        user: { id: ana.id },
        requestId: `${submissionId}-r1`,
        path: hubspotPath,
        objectType,
        action,
        traceIds: ["id-1", "id-2"],
        inputCount: 2,
        state: "answered",
        answer: { status: response.status },
      });
      expect(entry?.sentAt).toBeGreaterThanOrEqual(before - 1_000);
    },
  );
});

describe("the answer is journalled after the reply", () => {
  /** The real database, except that answer updates wait for `release` or fail while `failing` is set. */
  function gatedDb() {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const state = { failing: 0, gate, release };
    const queryable = {
      query: async (sql: string, params?: readonly unknown[]) => {
        if (sql.trimStart().startsWith("update journal_entries set state = 'answered'")) {
          await state.gate;
          if (state.failing > 0) {
            state.failing--;
            throw new Error("connection reset");
          }
        }
        return db.query(sql, params);
      },
    };
    return { queryable, state };
  }

  it("replies before the answer is recorded, then records it", async () => {
    const { queryable, state } = gatedDb();
    const journal = new Journal(queryable, "deferred");
    const { create } = setup(answer207, { journal });
    const response = await create("sub-deferred", ["row-a", "row-b"]);
    // The browser has HubSpot's answer while the journal's write is still held back.
    expect(response.status).toBe(207);
    expect(journal.pendingWrites).toBe(1);
    expect((await journal.list({ submissionId: "sub-deferred" }))[0]?.state).toBe("sent");
    state.release();
    await journal.settled();
    expect((await journal.list({ submissionId: "sub-deferred" }))[0]).toMatchObject({
      state: "answered",
      answer: { status: 207, created: [{ id: "501", traceId: "row-a" }] },
    });
  });

  it("a failed write is logged and retried until it is recorded", async () => {
    const { queryable, state } = gatedDb();
    state.failing = 2;
    state.release();
    const lines: string[] = [];
    const journal = new Journal(queryable, "retrying", { retryDelaysMs: [1] });
    const proxy = createProxy({
      upstream: answer207,
      upstreamName: "hubspot",
      token: "pat-na1-test",
      perTenSeconds: 100,
      journal,
      log: (line) => lines.push(line),
    });
    const response = await proxy(
      new Request(`${ORIGIN}${PATH}`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-qbc-submission-id": "sub-retry" },
        body: JSON.stringify({ inputs: [quote("row-a")] }),
      }),
      { user: ana },
    );
    expect(response.status).toBe(207);
    await journal.settled();
    expect((await journal.list({ submissionId: "sub-retry" }))[0]?.state).toBe("answered");
    expect(lines.filter((line) => line.includes("retrying in 1 ms"))).toHaveLength(2);
    expect(lines.at(-1)).toMatch(/recorded the answer after 3 attempts/);
  });

  it("a process stopped before recording leaves 'sent', which the next start reports as outcome unknown", async () => {
    const { queryable, state } = gatedDb();
    state.failing = 1_000;
    state.release();
    const journal = new Journal(queryable, "dying", { retryDelaysMs: [60_000] });
    const { create } = setup(answer207, { journal });
    expect((await create("sub-dying", ["row-z"])).status).toBe(207);
    await expect.poll(() => journal.pendingWrites).toBe(1);
    journal.stopDeferred();
    await journal.settled();
    expect((await journal.list({ submissionId: "sub-dying" }))[0]?.state).toBe("sent");
    const next = new Journal(db, "after-restart");
    await next.markInterrupted(Date.now() + 1);
    expect((await next.list({ submissionId: "sub-dying" }))[0]).toMatchObject({
      state: "unknown",
      note: expect.stringMatching(/outcome is unknown/),
    });
  });
});

describe("with the embedded database's sent log (decision 073)", () => {
  const dir = mkdtempSync(join(tmpdir(), "qbc-sent-log-proxy-"));
  let file = 0;
  const freshPath = () => join(dir, `sent-${++file}.jsonl`);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** The real database, except that inserts of `sent` rows wait until `release`. */
  function heldInserts() {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let inserts = 0;
    const queryable = {
      query: async (sql: string, params?: readonly unknown[]) => {
        if (sql.trimStart().startsWith("insert into journal_entries")) {
          inserts++;
          await gate;
        }
        return db.query(sql, params);
      },
    };
    return { queryable, release, inserts: () => inserts };
  }

  const created: Upstream = async () =>
    Response.json(
      {
        status: "COMPLETE",
        results: [{ id: "701", objectWriteTraceId: "row-1" }],
        startedAt: "x",
        completedAt: "x",
      },
      { status: 201 },
    );

  it("lets the request go once its entry is in the log; the database row follows", async () => {
    const path = freshPath();
    const { queryable, release, inserts } = heldInserts();
    const journal = new Journal(queryable, "instance-a", { sentLog: SentLog.open(path) });
    const { create, calls } = setup(created, { journal });

    // The database holds every insert back, and still HubSpot gets the request and the browser its answer.
    const response = await create("sub-held", ["row-1"]);
    expect(response.status).toBe(201);
    expect(calls()).toBe(1);
    expect(readFileSync(path, "utf8")).toContain('"submissionId":"sub-held"');

    // The answer is recorded after its row: neither is lost while the database is slow.
    await expect.poll(inserts).toBe(1);
    release();
    await journal.settled();
    expect((await journal.list({ submissionId: "sub-held" }))[0]).toMatchObject({
      user: { id: ana.id, name: "Ana" },
      traceIds: ["row-1"],
      state: "answered",
      answer: { status: 201, created: [{ id: "701", traceId: "row-1" }] },
    });
  });

  it("while HubSpot is slow to answer, the entry is in the database as sent", async () => {
    let answer: () => void = () => undefined;
    const answered = new Promise<void>((resolve) => {
      answer = resolve;
    });
    const journal = new Journal(db, "instance-a", { sentLog: SentLog.open(freshPath()) });
    const { create } = setup(
      async () => {
        await answered;
        return created(new Request(ORIGIN));
      },
      { journal },
    );
    const reply = create("sub-slow", ["row-1"]);
    // What the team's History and another replica's sweep read: the request is out, its outcome not yet in.
    await expect.poll(async () => (await journal.list({ submissionId: "sub-slow" }))[0]?.state).toBe("sent");
    answer();
    expect((await reply).status).toBe(201);
    await journal.settled();
    expect((await journal.list({ submissionId: "sub-slow" }))[0]?.state).toBe("answered");
  });

  it("does not send a write it cannot append to the log, and says it is safe to resend", async () => {
    const log = SentLog.open(freshPath());
    log.close();
    const { create, calls } = setup(created, { journal: new Journal(db, "instance-a", { sentLog: log }) });
    const response = await create("sub-no-log", ["row-1"]);
    expect(response.status).toBe(503);
    expect(response.headers.get(NOT_FORWARDED_HEADER)).toBe("1");
    expect(await response.json()).toMatchObject({ category: "DATABASE_UNAVAILABLE" });
    expect(calls()).toBe(0);
  });
});
