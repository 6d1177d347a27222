import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NOT_FORWARDED_HEADER } from "../../hubspot/endpoints.ts";
import type { Database } from "../db/database.ts";
import { databasesUnderTest } from "../db/test-databases.ts";
import type { SignedInUser } from "../identity.ts";
import { createProxy, type Upstream } from "../proxy.ts";
import { Journal } from "./journal.ts";
import { openJournal } from "./open-journal.ts";
import { SentLog, type SentRow } from "./sent-log.ts";

const ana: SignedInUser = { id: "ana@example.com", name: "Ana", role: "submitter" };
const ORIGIN = "http://127.0.0.1:4173";
const PATH = "/api/hubspot/crm/v3/objects/quotes/batch/create";

const dir = mkdtempSync(join(tmpdir(), "qbc-sent-log-"));
let file = 0;
const freshPath = () => join(dir, `sent-${++file}.jsonl`);

const [embedded] = databasesUnderTest();
let db: Database;
beforeAll(async () => {
  db = await embedded!.open();
}, 60_000);
afterAll(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

const row = (id: string, overrides: Partial<SentRow> = {}): SentRow => ({
  id,
  instanceId: "instance-old",
  at: Date.UTC(2026, 11, 1, 9),
  userId: ana.id,
  userName: ana.name ?? null,
  submissionId: "sub-log",
  requestId: `sub-log-${id}`,
  method: "POST",
  path: "/crm/v3/objects/quotes/batch/create",
  objectType: "quotes",
  action: "create",
  traceIds: [`${id}-a`, `${id}-b`],
  inputCount: 2,
  ...overrides,
});

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

function proxyWith(journal: Journal, upstream: Upstream) {
  let calls = 0;
  const proxy = createProxy({
    upstream: (request) => {
      calls++;
      return upstream(request);
    },
    upstreamName: "hubspot",
    token: "pat-na1-test",
    perTenSeconds: 100,
    journal,
  });
  const create = (submissionId: string, traceId: string) =>
    proxy(
      new Request(`${ORIGIN}${PATH}`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-qbc-submission-id": submissionId },
        body: JSON.stringify({
          inputs: [{ properties: { hs_title: traceId }, associations: [], objectWriteTraceId: traceId }],
        }),
      }),
      { user: ana },
    );
  return { create, calls: () => calls };
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

describe("the sent log", () => {
  it("reads back what it appended, and starts over when cleared", () => {
    const path = freshPath();
    const log = SentLog.open(path);
    log.append(row("e1"));
    log.append(row("e2", { submissionId: null, userName: null }));
    log.close();

    const reopened = SentLog.open(path);
    expect(reopened.left).toEqual([row("e1"), row("e2", { submissionId: null, userName: null })]);
    expect(reopened.unreadable).toBe(0);
    reopened.clear();
    reopened.close();
    expect(statSync(path).size).toBe(0);
    expect(SentLog.open(path).left).toEqual([]);
  });

  it("counts a line cut short by a crash mid-write, and reads the others", () => {
    const path = freshPath();
    const log = SentLog.open(path);
    log.append(row("e1"));
    log.close();
    appendFileSync(path, '{"id":"e2","instanceId":"instance-old","at":17');
    const reopened = SentLog.open(path);
    expect(reopened.left.map((entry) => entry.id)).toEqual(["e1"]);
    expect(reopened.unreadable).toBe(1);
    reopened.close();
  });
});

describe("a journal with a sent log", () => {
  it("lets the request go once its entry is in the log; the database row follows", async () => {
    const path = freshPath();
    const { queryable, release, inserts } = heldInserts();
    const journal = new Journal(queryable, "instance-a", { sentLog: SentLog.open(path) });
    const { create, calls } = proxyWith(journal, created);

    // The database holds every insert back, and still HubSpot gets the request and the browser its answer.
    const response = await create("sub-held", "row-1");
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
    const { create } = proxyWith(journal, async () => {
      await answered;
      return created(new Request(ORIGIN));
    });
    const reply = create("sub-slow", "row-1");
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
    const { create, calls } = proxyWith(new Journal(db, "instance-a", { sentLog: log }), created);
    const response = await create("sub-no-log", "row-1");
    expect(response.status).toBe(503);
    expect(response.headers.get(NOT_FORWARDED_HEADER)).toBe("1");
    expect(await response.json()).toMatchObject({ category: "DATABASE_UNAVAILABLE" });
    expect(calls()).toBe(0);
  });

  it("at the next start, an entry whose row never reached the database is restored as outcome unknown", async () => {
    const path = freshPath();
    const log = SentLog.open(path);
    // Killed after the request left, before its row was written: the row exists only in the log.
    log.append(row("lost-row", { submissionId: "sub-restart" }));
    // And one whose row did arrive, answered: the log's copy must not undo that.
    log.append(row("kept-row", { submissionId: "sub-restart" }));
    log.close();
    const earlier = new Journal(db, "instance-old", { newId: () => "kept-row" });
    const keptId = await earlier.recordSent({
      user: ana,
      submissionId: "sub-restart",
      requestId: "sub-restart-kept-row",
      method: "POST",
      path: "/crm/v3/objects/quotes/batch/create",
      objectType: "quotes",
      action: "create",
      traceIds: ["kept-row-a"],
      inputCount: 1,
    });
    await earlier.recordAnswer(keptId, { status: 201, created: [], errors: [], correlationId: undefined });

    const opened = await openJournal(db, { maxRequestMs: 60_000, sentLogPath: path });
    const entries = await opened.journal.list({ submissionId: "sub-restart" });
    expect(entries.find((entry) => entry.id === "lost-row")).toMatchObject({
      state: "unknown",
      user: { id: ana.id },
      traceIds: ["lost-row-a", "lost-row-b"],
      note: expect.stringMatching(/outcome is unknown/),
    });
    expect(entries.find((entry) => entry.id === "kept-row")?.state).toBe("answered");
    expect(opened.interrupted).toBeGreaterThanOrEqual(1);
    opened.close();
    expect(statSync(path).size).toBe(0);
  });
});
