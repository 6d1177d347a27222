/**
 * Time, injected everywhere it is read or waited on (the submission queue, the proxy's limiter, the
 * simulator), so tests drive all three on one virtual timeline (`src/test/fake-clock.ts`).
 */
export interface Clock {
  now(): number;
  /** Runs `callback` after `ms`; returns a function that cancels it. */
  setTimer(callback: () => void, ms: number): () => void;
  /** Resolves after `ms`, or early (without throwing) once `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** `sleep` for any clock, built from its timer. */
export function sleepOn(setTimer: Clock["setTimer"], ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const cancel = setTimer(done, Math.max(0, ms));
    function done() {
      cancel();
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}

function setSystemTimer(callback: () => void, ms: number): () => void {
  const handle = setTimeout(callback, Math.max(0, ms));
  // In Node, a pending wait must not keep a finished process alive (browsers have no unref).
  const timer: unknown = handle;
  if (typeof timer === "object" && timer !== null && "unref" in timer && typeof timer.unref === "function")
    timer.unref();
  return () => clearTimeout(handle);
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer: setSystemTimer,
  sleep: (ms, signal) => sleepOn(setSystemTimer, ms, signal),
};
