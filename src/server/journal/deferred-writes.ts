/** How long to wait before each retry of a write that failed; the last delay repeats. */
const RETRY_DELAYS_MS: readonly number[] = [50, 250, 1_000, 5_000, 30_000];

export interface DeferredWritesOptions {
  retryDelaysMs?: readonly number[];
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) =>
  new Promise<void>((resolve) => {
    // Unref'd: a retry must not keep a stopping process alive (the entry stays `sent`, see `stop`).
    setTimeout(resolve, ms).unref?.();
  });

const nextTurn = () =>
  new Promise<void>((resolve) =>
    typeof setImmediate === "function" ? setImmediate(resolve) : setTimeout(resolve, 0),
  );

/**
 * Journal writes that must happen but need not hold up the reply: the answer of a request already passed on
 * to the browser. Writing it before replying cost ~1.6 ms of the 3 ms budget (bench/proxy.bench.ts). Each
 * write is retried until it succeeds, each failure logged; if the process dies first, the entry stays
 * `sent`, which the next start (or another replica's sweep) turns into "sent, outcome unknown" — the state
 * a reconcile resolves. So an answer can be late in the journal, never wrong and never silently missing.
 */
export class DeferredWrites {
  private readonly running = new Set<Promise<boolean>>();
  private readonly delays: readonly number[];
  private readonly sleep: (ms: number) => Promise<void>;
  private stopped = false;
  private readonly wakeUps = new Set<() => void>();

  constructor(options: DeferredWritesOptions = {}) {
    this.delays = options.retryDelaysMs?.length ? options.retryDelaysMs : RETRY_DELAYS_MS;
    this.sleep = options.sleep ?? realSleep;
  }

  /**
   * Starts `write` from the next turn (or once `after` resolves), without waiting for it; `label` and `what`
   * name it in the log lines. Resolves true once it is recorded, false if it gave up at `stop`.
   */
  add(
    label: string,
    write: () => Promise<void>,
    log: (line: string) => void,
    options: { what?: string; after?: Promise<void> } = {},
  ): Promise<boolean> {
    const { what = "the answer", after = Promise.resolve() } = options;
    // From the next turn of the event loop: the reply (or the request) is written to its socket first (an
    // embedded database runs its queries on this same thread).
    const run = after
      .then(nextTurn)
      .then(() => this.attempt(label, write, log, what))
      .finally(() => this.running.delete(run));
    this.running.add(run);
    return run;
  }

  get pending(): number {
    return this.running.size;
  }

  /** Resolves once every write added so far (and any added meanwhile) has finished or given up. */
  async settled(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  /** No more retries after the current attempts: a write that still fails is left `sent` (unknown at restart). */
  stop(): void {
    this.stopped = true;
    for (const wake of this.wakeUps) wake();
  }

  /** `sleep`, cut short by `stop`. */
  private async pause(ms: number): Promise<void> {
    let wake: () => void = () => undefined;
    const woken = new Promise<void>((resolve) => {
      wake = resolve;
    });
    this.wakeUps.add(wake);
    await Promise.race([this.sleep(ms), woken]);
    this.wakeUps.delete(wake);
  }

  private async attempt(
    label: string,
    write: () => Promise<void>,
    log: (line: string) => void,
    what: string,
  ): Promise<boolean> {
    for (let failures = 0; ; failures++) {
      try {
        await write();
        if (failures > 0) log(`${label}: the journal recorded ${what} after ${failures + 1} attempts`);
        return true;
      } catch (error) {
        if (this.stopped) {
          log(
            `${label}: the journal could not record ${what} before stopping (${String(error)}); the entry stays "sent" and shows as outcome unknown after restart`,
          );
          return false;
        }
        const delay = this.delays[Math.min(failures, this.delays.length - 1)] ?? 1_000;
        log(`${label}: the journal could not record ${what} (${String(error)}); retrying in ${delay} ms`);
        await this.pause(delay);
      }
    }
  }
}
