import { type Clock, systemClock } from "../platform/clock.ts";
import { LimiterWaitAborted, type Release, type RequestKind } from "./rate-limiter.ts";

/** What the proxy needs of a limiter: the in-process `TokenLimiters` and the replicas' shared one alike. */
export interface Limiters {
  acquire(token: string, kind: RequestKind, signal?: AbortSignal): Promise<Release>;
  readonly perTenSeconds: number;
}

/** The queue is full or the wait too long: answered 503 with `Retry-After`, never sent, safe to send again. */
export class LimiterBusy extends Error {
  override readonly name = "LimiterBusy";
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

export interface QueueBounds {
  /** Requests that may wait for one token's limit at once (all users together). */
  perToken: number;
  /** Requests one person may have waiting at once: one runaway tab cannot starve the team. */
  perUser: number;
  /** The longest a request waits for the limit before it is answered 503 instead. */
  maxWaitMs: number;
}

/**
 * At 100 requests / 10 s, 600 waiting are a minute of work: more is a runaway client, not a queue. A person's
 * share is a third of that (three submitters at full speed fit); a minute's wait is also the longest
 * anyone should stare at a spinner before being told to come back.
 */
export const DEFAULT_QUEUE_BOUNDS: QueueBounds = { perToken: 600, perUser: 200, maxWaitMs: 60_000 };

/**
 * Bounds in front of any limiter: counts who waits (per token, per user), refuses beyond the bounds, and gives
 * up a wait after `maxWaitMs`. A waiter whose client hung up is dropped through its request's signal.
 */
export class BoundedLimiters {
  private readonly waitingByToken = new Map<string, number>();
  private readonly waitingByUser = new Map<string, number>();

  constructor(
    private readonly limiters: Limiters,
    private readonly bounds: QueueBounds = DEFAULT_QUEUE_BOUNDS,
    private readonly clock: Clock = systemClock,
  ) {}

  async acquire(token: string, kind: RequestKind, user: string, signal?: AbortSignal): Promise<Release> {
    const tokenWaiting = this.waitingByToken.get(token) ?? 0;
    const userWaiting = this.waitingByUser.get(user) ?? 0;
    if (tokenWaiting >= this.bounds.perToken)
      throw new LimiterBusy(
        `${tokenWaiting} requests are already waiting for HubSpot's rate limit. The request was not sent; send it again in a moment.`,
        this.retryAfter(tokenWaiting),
      );
    if (userWaiting >= this.bounds.perUser)
      throw new LimiterBusy(
        `You already have ${userWaiting} requests waiting for HubSpot's rate limit. The request was not sent; send it again when those are done.`,
        this.retryAfter(userWaiting),
      );
    bump(this.waitingByToken, token, 1);
    bump(this.waitingByUser, user, 1);
    const timeout = new AbortController();
    const cancelTimer = this.clock.setTimer(() => timeout.abort(), this.bounds.maxWaitMs);
    const waitSignal = signal ? AbortSignal.any([signal, timeout.signal]) : timeout.signal;
    try {
      return await this.limiters.acquire(token, kind, waitSignal);
    } catch (error) {
      if (error instanceof LimiterWaitAborted && timeout.signal.aborted && !signal?.aborted)
        throw new LimiterBusy(
          `The request waited ${Math.round(this.bounds.maxWaitMs / 1000)} s for HubSpot's rate limit and was not sent; send it again in a moment.`,
          this.retryAfter(this.waitingByToken.get(token) ?? 0),
        );
      throw error;
    } finally {
      cancelTimer();
      bump(this.waitingByToken, token, -1);
      bump(this.waitingByUser, user, -1);
    }
  }

  /** Seconds until the queue ahead has drained at the token's rate (at least 1). */
  private retryAfter(waiting: number): number {
    return Math.max(1, Math.ceil((waiting / this.limiters.perTenSeconds) * 10));
  }
}

function bump(counts: Map<string, number>, key: string, by: number): void {
  const next = (counts.get(key) ?? 0) + by;
  if (next <= 0) counts.delete(key);
  else counts.set(key, next);
}
