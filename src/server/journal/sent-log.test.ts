import { appendFileSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../db/database.ts";
import { databasesUnderTest } from "../db/test-databases.ts";
import type { SignedInUser } from "../identity.ts";
import { Journal } from "./journal.ts";
import { openJournal } from "./open-journal.ts";
import { SentLog, type SentRow } from "./sent-log.ts";

const ana: SignedInUser = { id: "ana@example.com", name: "Ana", role: "submitter" };

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

describe("a journal with a sent log, at the next start", () => {
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
