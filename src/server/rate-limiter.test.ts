import { describe, expect, it } from "vitest";
import { FakeClock } from "../test/fake-clock.ts";
import { LimiterWaitAborted, TokenLimiters, WindowLimiter } from "./rate-limiter.ts";

/** Max number of send instants inside any window of `windowMs` (counting [t, t + windowMs)). */
function maxInWindow(sendTimes: readonly number[], windowMs: number): number {
  const sorted = [...sendTimes].sort((a, b) => a - b);
  let max = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while ((sorted[end] ?? 0) - (sorted[start] ?? 0) >= windowMs) start++;
    max = Math.max(max, end - start + 1);
  }
  return max;
}

describe("WindowLimiter", () => {
  it("lets at most N through per rolling window across concurrent callers, and makes the rest wait", async () => {
    const clock = new FakeClock(1_000);
    const limiter = new WindowLimiter(100, 10_000, clock, 100);
    const sent: number[] = [];
    // 3 "tabs" × 100 requests, each answered 150 ms after it is sent.
    const tab = async () => {
      for (let i = 0; i < 100; i++) {
        const release = await limiter.acquire();
        sent.push(clock.now());
        clock.setTimer(release, 150);
      }
    };
    const all = Promise.all([tab(), tab(), tab()]);
    await clock.advance(60_000);
    await all;
    expect(sent).toHaveLength(300);
    expect(maxInWindow(sent, 10_000)).toBeLessThanOrEqual(100);
    // No time wasted: the last batch goes out right after the second window ends.
    expect(Math.max(...sent) - 1_000).toBeLessThanOrEqual(2 * (10_000 + 150 + 100));
  });

  it("serves waiters first in, first out", async () => {
    const clock = new FakeClock(0);
    const limiter = new WindowLimiter(1, 1_000, clock);
    const order: number[] = [];
    const first = await limiter.acquire();
    const waits = [1, 2, 3].map((n) =>
      limiter.acquire().then((release) => {
        order.push(n);
        release();
      }),
    );
    first();
    await clock.advance(5_000);
    await Promise.all(waits);
    expect(order).toEqual([1, 2, 3]);
  });

  it("counts requests in flight: the window frees up only after the answer plus the window", async () => {
    const clock = new FakeClock(0);
    const limiter = new WindowLimiter(2, 10_000, clock);
    const a = await limiter.acquire();
    await limiter.acquire();
    let granted = false;
    const third = limiter.acquire().then(() => {
      granted = true;
    });
    await clock.advance(30_000);
    expect(granted).toBe(false); // both still in flight
    a();
    await clock.advance(9_999);
    expect(granted).toBe(false);
    await clock.advance(1);
    await third;
    expect(granted).toBe(true);
  });

  it("drops a waiter whose request was canceled", async () => {
    const clock = new FakeClock(0);
    const limiter = new WindowLimiter(1, 1_000, clock);
    const release = await limiter.acquire();
    const controller = new AbortController();
    const canceled = limiter.acquire(controller.signal);
    expect(limiter.waiting).toBe(1);
    controller.abort();
    await expect(canceled).rejects.toBeInstanceOf(LimiterWaitAborted);
    expect(limiter.waiting).toBe(0);
    release();
  });

  it("ignores releases of requests sent before a reset", async () => {
    const clock = new FakeClock(0);
    const limiter = new WindowLimiter(1, 1_000, clock);
    const old = await limiter.acquire();
    limiter.reset();
    old();
    expect(limiter.used).toBe(0);
  });
});

describe("TokenLimiters", () => {
  it("keeps one limiter per token, and search at 5 a second apart from the 10-second window", async () => {
    const clock = new FakeClock(0);
    const limiters = new TokenLimiters({ perTenSeconds: 3, clock, marginMs: 0 });
    expect(limiters.limiter("a", "normal")).toBe(limiters.limiter("a", "normal"));
    expect(limiters.limiter("a", "normal")).not.toBe(limiters.limiter("b", "normal"));

    const searches: number[] = [];
    const runSearch = async () => {
      const release = await limiters.acquire("a", "search");
      searches.push(clock.now());
      release();
    };
    const all = Promise.all(Array.from({ length: 12 }, runSearch));
    await clock.advance(5_000);
    await all;
    expect(maxInWindow(searches, 1_000)).toBeLessThanOrEqual(5);
    expect(limiters.limiter("a", "normal").used).toBe(0);
  });
});
