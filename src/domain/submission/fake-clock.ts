import type { Clock } from "./clock.ts";

interface Sleeper {
  at: number;
  seq: number;
  resolve: () => void;
}

/**
 * A clock whose time moves only when every pending promise has settled and something is asleep:
 * `run()` drives an async program to completion in virtual time, instantly. Used by tests and benches.
 */
export class FakeClock implements Clock {
  private time: number;
  private seq = 0;
  private sleepers: Sleeper[] = [];

  constructor(start = Date.UTC(2026, 0, 5, 9, 0, 0)) {
    this.time = start;
  }

  now = (): number => this.time;

  sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
    new Promise((resolve) => {
      if (signal?.aborted) return resolve();
      const sleeper: Sleeper = { at: this.time + Math.max(0, ms), seq: this.seq++, resolve };
      this.sleepers.push(sleeper);
      signal?.addEventListener(
        "abort",
        () => {
          this.sleepers = this.sleepers.filter((s) => s !== sleeper);
          resolve();
        },
        { once: true },
      );
    });

  /** Runs `program`, advancing time to the next sleeper whenever everything else is idle. */
  async run<T>(program: Promise<T>, limitMs = 7 * 86_400_000): Promise<T> {
    let settled = false;
    let value: T | undefined;
    let failure: unknown;
    let failed = false;
    program.then(
      (v) => {
        settled = true;
        value = v;
      },
      (e) => {
        settled = true;
        failed = true;
        failure = e;
      },
    );
    const deadline = this.time + limitMs;
    while (!settled) {
      await flushMicrotasks();
      if (settled) break;
      // Real I/O (IndexedDB, a loopback socket) may still be busy: give it some real macrotasks.
      for (let idle = 0; idle < 200 && !settled && this.sleepers.length === 0; idle++)
        await flushMicrotasks();
      if (settled) break;
      const next = this.sleepers.sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!next) throw new Error("FakeClock.run: the program is stuck (nothing asleep, nothing settles)");
      if (next.at > deadline) throw new Error("FakeClock.run: virtual time limit exceeded");
      this.time = Math.max(this.time, next.at);
      this.sleepers = this.sleepers.filter((s) => s !== next);
      next.resolve();
    }
    if (failed) throw failure;
    return value as T;
  }
}

async function flushMicrotasks(): Promise<void> {
  // A macrotask boundary lets every chained microtask run first.
  for (let i = 0; i < 2; i++) await new Promise<void>((resolve) => setTimeout(resolve, 0));
}
