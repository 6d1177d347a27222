import { type Clock, sleepOn } from "../platform/clock.ts";

interface Timer {
  id: number;
  at: number;
  callback: () => void;
}

/**
 * The one fake clock, for server, domain and simulator tests and for benches: time moves only when told.
 * `advance(ms)` fires due timers in order, letting promise callbacks run between them; `run(program)` drives
 * an async program to completion, jumping to the next timer whenever everything else is idle.
 */
export class FakeClock implements Clock {
  private time: number;
  private nextId = 0;
  private timers: Timer[] = [];

  constructor(start = Date.UTC(2026, 0, 5, 9, 0, 0)) {
    this.time = start;
  }

  now = (): number => this.time;

  setTimer = (callback: () => void, ms: number): (() => void) => {
    const id = this.nextId++;
    this.timers.push({ id, at: this.time + Math.max(0, ms), callback });
    return () => {
      this.timers = this.timers.filter((timer) => timer.id !== id);
    };
  };

  sleep = (ms: number, signal?: AbortSignal): Promise<void> => sleepOn(this.setTimer, ms, signal);

  pendingTimers(): number {
    return this.timers.length;
  }

  private fireNext(limit: number): boolean {
    this.timers.sort((a, b) => a.at - b.at || a.id - b.id);
    const due = this.timers[0];
    if (!due || due.at > limit) return false;
    this.timers.shift();
    this.time = Math.max(this.time, due.at);
    due.callback();
    return true;
  }

  async advance(ms: number): Promise<void> {
    const target = this.time + ms;
    await settle();
    while (this.fireNext(target)) await settle();
    this.time = Math.max(this.time, target);
    await settle();
  }

  /** Runs `program`, advancing time to the next timer whenever everything else is idle. */
  async run<T>(program: Promise<T>, limitMs = 7 * 86_400_000): Promise<T> {
    let outcome: { value: T } | { error: unknown } | undefined;
    program.then(
      (value) => {
        outcome = { value };
      },
      (error: unknown) => {
        outcome = { error };
      },
    );
    const deadline = this.time + limitMs;
    while (!outcome) {
      await settle();
      // Real I/O (IndexedDB, a loopback socket) may still be busy: give it some real macrotasks.
      for (let idle = 0; idle < 200 && !outcome && this.timers.length === 0; idle++) await settle();
      if (outcome) break;
      if (this.timers.length === 0) throw new Error("FakeClock.run: the program is stuck (nothing asleep)");
      if (!this.fireNext(deadline)) throw new Error("FakeClock.run: virtual time limit exceeded");
    }
    if ("error" in outcome) throw outcome.error;
    return outcome.value;
  }
}

/** A real macrotask turn: every chained promise callback runs first. */
function settle(): Promise<void> {
  return new Promise<void>((resolve) => setTimeout(resolve, 0));
}
