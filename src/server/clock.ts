/** Time as the server sees it; tests pass a fake one so waits take no real time. */
export interface Clock {
  now(): number;
  /** Runs `callback` after `ms`; returns a function that cancels it. */
  setTimer(callback: () => void, ms: number): () => void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    // In Node, a pending rate-limit wait must not keep a finished process alive (browsers have no unref).
    const timer: unknown = handle;
    if (
      typeof timer === "object" &&
      timer !== null &&
      "unref" in timer &&
      typeof timer.unref === "function"
    ) {
      timer.unref();
    }
    return () => clearTimeout(handle);
  },
};
