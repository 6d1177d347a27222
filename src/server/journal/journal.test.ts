import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../db/database.ts";
import { databasesUnderTest } from "../db/test-databases.ts";
import type { SignedInUser } from "../identity.ts";
import { Journal, type SentRecord } from "./journal.ts";

const ana: SignedInUser = { id: "ana@example.com", name: "Ana", role: "submitter" };
const ben: SignedInUser = { id: "ben@example.com", role: "admin" };

const sent = (overrides: Partial<SentRecord> = {}): SentRecord => ({
  user: ana,
  submissionId: "s1",
  requestId: "s1-r1",
  method: "POST",
  path: "/crm/v3/objects/quotes/batch/create",
  objectType: "quotes",
  action: "create",
  traceIds: ["row-1", "row-2"],
  inputCount: 2,
  ...overrides,
});

describe.each(databasesUnderTest())("journal on the $name database", ({ open }) => {
  let db: Database;
  beforeAll(async () => {
    db = await open();
  }, 60_000);
  afterAll(() => db.close());

  it("records who sent what, then HubSpot's answer", async () => {
    const journal = new Journal(db, "instance-a");
    const id = await journal.recordSent(sent(), Date.UTC(2026, 11, 1, 9));
    expect((await journal.list({ submissionId: "s1" }))[0]).toMatchObject({ id, state: "sent" });

    await journal.recordAnswer(
      id,
      {
        status: 207,
        created: [{ id: "9001", traceId: "row-1" }],
        errors: [{ category: "VALIDATION_ERROR", message: "Bad date", traceIds: ["row-2"] }],
        correlationId: "corr-1",
      },
      Date.UTC(2026, 11, 1, 9, 0, 1),
    );
    const [entry] = await journal.list({ submissionId: "s1" });
    expect(entry).toEqual({
      id,
      sentAt: Date.UTC(2026, 11, 1, 9),
      user: { id: "ana@example.com", name: "Ana" },
      submissionId: "s1",
      requestId: "s1-r1",
      method: "POST",
      path: "/crm/v3/objects/quotes/batch/create",
      objectType: "quotes",
      action: "create",
      traceIds: ["row-1", "row-2"],
      inputCount: 2,
      state: "answered",
      answeredAt: Date.UTC(2026, 11, 1, 9, 0, 1),
      answer: {
        status: 207,
        created: [{ id: "9001", traceId: "row-1" }],
        errors: [{ category: "VALIDATION_ERROR", message: "Bad date", traceIds: ["row-2"] }],
        correlationId: "corr-1",
      },
    });
  });

  it("keeps why there was no answer", async () => {
    const journal = new Journal(db, "instance-a");
    const id = await journal.recordSent(sent({ submissionId: "s2" }));
    await journal.recordNoAnswer(id, "unknown", "HubSpot did not answer within 30 s.");
    expect((await journal.list({ submissionId: "s2" }))[0]).toMatchObject({
      state: "unknown",
      note: "HubSpot did not answer within 30 s.",
    });
  });

  it("marks entries a stopped process left in flight as sent, outcome unknown — not its own, not newer ones", async () => {
    const old = new Journal(db, "instance-old");
    const now = Date.UTC(2026, 11, 1, 10);
    const stale = await old.recordSent(sent({ submissionId: "s3" }), now - 120_000);
    const recent = await old.recordSent(sent({ submissionId: "s3", requestId: "s3-r2" }), now - 1_000);
    const current = new Journal(db, "instance-new");
    const mine = await current.recordSent(sent({ submissionId: "s3", requestId: "s3-r3" }), now - 120_000);

    expect(await current.markInterrupted(now - 60_000)).toBe(1);
    const states = new Map((await current.list({ submissionId: "s3" })).map((e) => [e.id, e]));
    expect(states.get(stale)?.state).toBe("unknown");
    expect(states.get(stale)?.note).toMatch(/stopped while this request was on its way/);
    expect(states.get(recent)?.state).toBe("sent");
    expect(states.get(mine)?.state).toBe("sent");
  });

  it("filters by person and state, newest first", async () => {
    const journal = new Journal(db, "instance-a");
    const first = await journal.recordSent(sent({ submissionId: "s4", user: ben }), 1_000);
    const second = await journal.recordSent(sent({ submissionId: "s4", user: ben }), 2_000);
    await journal.recordSent(sent({ submissionId: "s4" }), 3_000);
    const bens = await journal.list({ submissionId: "s4", userId: ben.id });
    expect(bens.map((e) => e.id)).toEqual([second, first]);
    expect(bens[0]?.user).toEqual({ id: ben.id });
    await journal.recordNoAnswer(first, "not-sent", "refused");
    expect((await journal.list({ submissionId: "s4", states: ["not-sent"] })).map((e) => e.id)).toEqual([
      first,
    ]);
  });
});
