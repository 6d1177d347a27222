import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "./db/database.ts";
import { databasesUnderTest } from "./db/test-databases.ts";
import { LimiterWaitAborted } from "./rate-limiter.ts";
import { SharedTokenLimiters } from "./shared-rate-limiter.ts";

const WINDOW_MS = 600;
const LIMIT = 4;
const TOKEN = "pat-na1-shared";

describe.each(databasesUnderTest())("the shared rate limit on the $name database", ({ openPair }) => {
  let first: Database;
  let second: Database;
  beforeAll(async () => {
    [first, second] = await openPair();
  }, 60_000);
  beforeEach(async () => {
    await first.query("delete from rate_slots");
  });
  afterAll(async () => {
    await second.close();
    await first.close();
  });

  const replica = (db: Database) =>
    new SharedTokenLimiters(db, {
      perTenSeconds: LIMIT,
      searchPerSecond: LIMIT,
      leaseMs: 5_000,
      marginMs: 0,
      pollMs: 20,
      windowMs: { normal: WINDOW_MS, search: WINDOW_MS },
    });

  it("two replicas together never send more than the limit in any window, and keep going", async () => {
    const a = replica(first);
    const b = replica(second);
    const granted: number[] = [];
    const send = async (limiters: SharedTokenLimiters) => {
      const release = await limiters.acquire(TOKEN, "normal");
      granted.push(Date.now());
      await new Promise((resolve) => setTimeout(resolve, 5));
      release();
    };
    const started = Date.now();
    await Promise.all(Array.from({ length: 12 }, (_, i) => send(i % 2 === 0 ? a : b)));
    const elapsed = Date.now() - started;

    granted.sort((x, y) => x - y);
    // Any LIMIT + 1 consecutive sends span at least one window (a few ms of timer slack allowed).
    for (let i = 0; i + LIMIT < granted.length; i++)
      expect((granted[i + LIMIT] ?? 0) - (granted[i] ?? 0)).toBeGreaterThanOrEqual(WINDOW_MS - 5);
    // 12 sends at 4 a window: two full waits, not much more.
    expect(elapsed).toBeGreaterThanOrEqual(2 * WINDOW_MS - 5);
    expect(elapsed).toBeLessThan(2 * WINDOW_MS + 1_500);
  }, 30_000);

  it("a waiter whose request is canceled is dropped without taking a slot", async () => {
    const a = replica(first);
    const b = replica(second);
    const releases = await Promise.all(Array.from({ length: LIMIT }, () => a.acquire(TOKEN, "search")));
    const controller = new AbortController();
    const waiting = b.acquire(TOKEN, "search", controller.signal);
    controller.abort();
    await expect(waiting).rejects.toBeInstanceOf(LimiterWaitAborted);
    for (const release of releases) release();
    const { rows } = await first.query("select count(*)::integer as n from rate_slots");
    expect(rows[0]).toEqual({ n: LIMIT });
  }, 30_000);
});
