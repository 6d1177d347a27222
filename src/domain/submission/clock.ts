/** Time, injected so the queue runs instantly under a fake clock in tests. */
export interface Clock {
  now(): number;
  /** Resolves after `ms`, or early (without throwing) once `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise((resolve) => {
      if (signal?.aborted) return resolve();
      const timer = setTimeout(done, Math.max(0, ms));
      function done() {
        clearTimeout(timer);
        signal?.removeEventListener("abort", done);
        resolve();
      }
      signal?.addEventListener("abort", done, { once: true });
    }),
};

/**
 * A level-triggered wake-up for one dispatcher: a notify before the wait is not lost, and a waiter that
 * lost a race (to a timer) cannot swallow a later notify.
 */
export class Wake {
  private dirty = false;
  private waiters: (() => void)[] = [];

  notify(): void {
    this.dirty = true;
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }

  wait(): Promise<void> {
    if (this.dirty) {
      this.dirty = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      this.waiters.push(() => {
        this.dirty = false;
        resolve();
      });
    });
  }
}
