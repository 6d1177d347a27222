import { ROLLING_WINDOW_MS, SEARCH_PER_SECOND, SEARCH_WINDOW_MS } from "../hubspot/limits.ts";
import { type Clock, systemClock } from "../platform/clock.ts";

export class LimiterWaitAborted extends Error {
  override readonly name = "LimiterWaitAborted";
}

/** Call once the upstream answered (or failed): the slot then stays counted for one more window. */
export type Release = () => void;

export interface Waiter {
  grant: (release: Release) => void;
  reject: (error: unknown) => void;
  detach: () => void;
}

/**
 * Queues a waiter for a grant (FIFO); one that is canceled while it waits leaves the queue, so nothing is ever
 * sent for a client that has gone. Shared by the in-process and the replica-shared limiter.
 */
export function enqueueWaiter(
  queue: Waiter[],
  signal: AbortSignal | undefined,
  onQueued: () => void,
): Promise<Release> {
  return new Promise<Release>((resolve, reject) => {
    const onAbort = () => {
      const index = queue.indexOf(waiter);
      if (index >= 0) queue.splice(index, 1);
      reject(new LimiterWaitAborted("The request was canceled while it waited for the rate limit."));
    };
    const waiter: Waiter = {
      grant: resolve,
      reject,
      detach: () => signal?.removeEventListener("abort", onAbort),
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    queue.push(waiter);
    onQueued();
  });
}

/**
 * A rolling-window limiter with a FIFO queue: at most `limit` requests in any `windowMs`, counting a request
 * from the moment it is sent until `windowMs` after its answer arrived. HubSpot counts a request somewhere
 * between those two instants, so measuring from the answer can never undercount it, and no count margin is
 * needed (a count margin would cost a whole extra window per `limit` requests). `marginMs` covers clock
 * jitter at the window's edge.
 */
export class WindowLimiter {
  private inFlight = 0;
  /** When each answered request leaves the window; ascending because the clock only moves forward. */
  private expiries: number[] = [];
  private readonly queue: Waiter[] = [];
  private cancelTimer: (() => void) | undefined;
  private timerAt = Number.POSITIVE_INFINITY;
  /** Bumped by `reset()`, so releases of requests sent before it do not corrupt the new counts. */
  private generation = 0;

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly clock: Clock = systemClock,
    private readonly marginMs = 0,
  ) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError("limit must be a positive integer");
  }

  /** How many requests wait in the queue right now. */
  get waiting(): number {
    return this.queue.length;
  }

  /** How many requests count against the window right now (in flight or answered within it). */
  get used(): number {
    this.prune();
    return this.inFlight + this.expiries.length;
  }

  /** Resolves when the request may be sent; waits (FIFO) while the window is full. */
  acquire(signal?: AbortSignal): Promise<Release> {
    if (signal?.aborted) return Promise.reject(new LimiterWaitAborted("The request was canceled."));
    if (this.queue.length === 0 && this.used < this.limit) return Promise.resolve(this.take());
    return enqueueWaiter(this.queue, signal, () => this.schedule());
  }

  /** Forgets every count and fails every waiter (simulator reset). */
  reset(): void {
    this.generation++;
    this.inFlight = 0;
    this.expiries = [];
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    this.timerAt = Number.POSITIVE_INFINITY;
    for (const waiter of this.queue.splice(0)) {
      waiter.detach();
      waiter.reject(new LimiterWaitAborted("The rate limiter was reset."));
    }
  }

  private take(): Release {
    this.inFlight++;
    const generation = this.generation;
    let released = false;
    return () => {
      if (released || generation !== this.generation) return;
      released = true;
      this.inFlight--;
      this.expiries.push(this.clock.now() + this.windowMs + this.marginMs);
      this.pump();
    };
  }

  private prune(): void {
    const now = this.clock.now();
    let drop = 0;
    while (drop < this.expiries.length && (this.expiries[drop] ?? 0) <= now) drop++;
    if (drop > 0) this.expiries.splice(0, drop);
  }

  private pump(): void {
    while (this.queue.length > 0 && this.used < this.limit) {
      const waiter = this.queue.shift();
      if (!waiter) break;
      waiter.detach();
      waiter.grant(this.take());
    }
    this.schedule();
  }

  /** One timer, for the moment the oldest answered request leaves the window. */
  private schedule(): void {
    if (this.queue.length === 0) return;
    const next = this.expiries[0];
    // Everything counted is still in flight: a release will pump.
    if (next === undefined || next >= this.timerAt) return;
    this.cancelTimer?.();
    this.timerAt = next;
    this.cancelTimer = this.clock.setTimer(
      () => {
        this.cancelTimer = undefined;
        this.timerAt = Number.POSITIVE_INFINITY;
        this.pump();
      },
      Math.max(0, next - this.clock.now()),
    );
  }
}

export type RequestKind = "normal" | "search";

export interface TokenLimitersOptions {
  perTenSeconds: number;
  searchPerSecond?: number;
  clock?: Clock;
  /** Extra time a slot stays counted after the window, for clock jitter. Default 100 ms. */
  marginMs?: number;
}

/**
 * One pair of limiters (10-second window; search at 5 a second) per token, shared by every browser tab and
 * user of this server, so together they never exceed HubSpot's limit: requests wait here instead of failing.
 */
export class TokenLimiters {
  private readonly byToken = new Map<string, { normal: WindowLimiter; search: WindowLimiter }>();

  constructor(private readonly options: TokenLimitersOptions) {}

  get perTenSeconds(): number {
    return this.options.perTenSeconds;
  }

  limiter(token: string, kind: RequestKind): WindowLimiter {
    let pair = this.byToken.get(token);
    if (!pair) {
      const { clock = systemClock, marginMs = 100 } = this.options;
      pair = {
        normal: new WindowLimiter(this.options.perTenSeconds, ROLLING_WINDOW_MS, clock, marginMs),
        search: new WindowLimiter(
          this.options.searchPerSecond ?? SEARCH_PER_SECOND,
          SEARCH_WINDOW_MS,
          clock,
          marginMs,
        ),
      };
      this.byToken.set(token, pair);
    }
    return pair[kind];
  }

  acquire(token: string, kind: RequestKind, signal?: AbortSignal): Promise<Release> {
    return this.limiter(token, kind).acquire(signal);
  }

  reset(): void {
    for (const pair of this.byToken.values()) {
      pair.normal.reset();
      pair.search.reset();
    }
  }
}
