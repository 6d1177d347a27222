import type { Clock } from "./clock.ts";

export interface FakeClock extends Clock {
  /** Moves time forward, firing due timers in order and letting promise callbacks run between them. */
  advance(ms: number): Promise<void>;
  pendingTimers(): number;
}

/** A clock for tests: limiter waits and timeouts take no real time. */
export function createFakeClock(start = 0): FakeClock {
  let now = start;
  let nextId = 0;
  const timers: { id: number; at: number; callback: () => void }[] = [];
  // A real macrotask turn drains every pending promise callback, however long the chain.
  const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
  return {
    now: () => now,
    setTimer(callback, ms) {
      const id = nextId++;
      timers.push({ id, at: now + Math.max(0, ms), callback });
      return () => {
        const index = timers.findIndex((timer) => timer.id === id);
        if (index >= 0) timers.splice(index, 1);
      };
    },
    async advance(ms) {
      const target = now + ms;
      await settle();
      for (;;) {
        timers.sort((a, b) => a.at - b.at || a.id - b.id);
        const due = timers[0];
        if (!due || due.at > target) break;
        timers.shift();
        now = due.at;
        due.callback();
        await settle();
      }
      now = target;
      await settle();
    },
    pendingTimers: () => timers.length,
  };
}
