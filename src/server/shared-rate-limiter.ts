import { createHash } from "node:crypto";
import { z } from "zod";
import { ROLLING_WINDOW_MS, SEARCH_PER_SECOND, SEARCH_WINDOW_MS } from "../hubspot/limits.ts";
import type { Queryable } from "./db/database.ts";
import {
  enqueueWaiter,
  LimiterWaitAborted,
  type Release,
  type RequestKind,
  type Waiter,
} from "./rate-limiter.ts";

export class LimiterUnavailable extends Error {
  override readonly name = "LimiterUnavailable";
}

export interface SharedLimitersOptions {
  perTenSeconds: number;
  searchPerSecond?: number;
  /** How long an unanswered request stays counted if its process dies: the upstream timeout, and more. */
  leaseMs: number;
  /** Extra time a slot stays counted after the window, for clock jitter. Default 100 ms. */
  marginMs?: number;
  /** The longest a waiter sleeps before asking again (others' in-flight slots may free at any time). */
  pollMs?: number;
  /** Window lengths, for tests. */
  windowMs?: { normal: number; search: number };
}

const Taken = z.object({
  slot_id: z.union([z.string(), z.number()]).nullable(),
  wait_ms: z.number().nullable(),
});

/**
 * The per-token limit shared by every replica on one PostgreSQL database (`DATABASE_URL`): the same counting
 * as `WindowLimiter` (a request counts from when it is sent until a window after its answer), kept in
 * `rate_slots` and decided by `qbc_take_rate_slots` under an advisory lock, so HubSpot never sees more than
 * the limit from all replicas together. Each process queues its own waiters (FIFO) and asks the database
 * for as many slots as it has waiters, in one round trip, sleeping until the earliest slot frees otherwise. Decision note 061.
 */
export class SharedTokenLimiters {
  private readonly buckets = new Map<string, SharedBucket>();

  constructor(
    private readonly db: Queryable,
    private readonly options: SharedLimitersOptions,
  ) {}

  get perTenSeconds(): number {
    return this.options.perTenSeconds;
  }

  acquire(token: string, kind: RequestKind, signal?: AbortSignal): Promise<Release> {
    const name = `${createHash("sha256").update(token).digest("hex").slice(0, 32)}:${kind}`;
    let bucket = this.buckets.get(name);
    if (!bucket) {
      const { windowMs = { normal: ROLLING_WINDOW_MS, search: SEARCH_WINDOW_MS }, marginMs = 100 } =
        this.options;
      bucket = new SharedBucket(this.db, name, {
        limit:
          kind === "search"
            ? (this.options.searchPerSecond ?? SEARCH_PER_SECOND)
            : this.options.perTenSeconds,
        countedAfterAnswerMs: windowMs[kind] + marginMs,
        leaseMs: this.options.leaseMs + windowMs[kind] + marginMs,
        pollMs: this.options.pollMs ?? 50,
      });
      this.buckets.set(name, bucket);
    }
    return bucket.acquire(signal);
  }

  /** Simulator reset: forgets every count of every replica and fails this process's waiters. */
  reset(): void {
    for (const bucket of this.buckets.values())
      bucket.failWaiters(new LimiterWaitAborted("The rate limiter was reset."));
    void this.db.query("delete from rate_slots").catch(() => undefined);
  }
}

class SharedBucket {
  private readonly queue: Waiter[] = [];
  private pumping = false;

  constructor(
    private readonly db: Queryable,
    private readonly name: string,
    private readonly settings: {
      limit: number;
      countedAfterAnswerMs: number;
      leaseMs: number;
      pollMs: number;
    },
  ) {}

  acquire(signal?: AbortSignal): Promise<Release> {
    if (signal?.aborted) return Promise.reject(new LimiterWaitAborted("The request was canceled."));
    return enqueueWaiter(this.queue, signal, () => void this.pump());
  }

  failWaiters(error: Error): void {
    for (const waiter of this.queue.splice(0)) {
      waiter.detach();
      waiter.reject(error);
    }
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.queue.length > 0) {
        const { rows } = await this.db.query(
          "select slot_id, wait_ms from qbc_take_rate_slots($1, $2, $3, $4)",
          [this.name, this.settings.limit, this.settings.leaseMs, this.queue.length],
        );
        const taken = rows.map((row) => Taken.parse(row));
        const slots = taken.flatMap((row) => (row.slot_id === null ? [] : [String(row.slot_id)]));
        if (slots.length === 0) {
          const waitMs = taken[0]?.wait_ms ?? this.settings.pollMs;
          await sleep(Math.max(1, Math.min(waitMs, this.settings.pollMs)));
          continue;
        }
        for (const slot of slots) {
          const waiter = this.queue.shift();
          if (!waiter) {
            // Its request was canceled while the slot was being taken: give the slot back unused.
            await this.db.query("delete from rate_slots where id = $1", [slot]);
            continue;
          }
          waiter.detach();
          waiter.grant(this.releaser(slot));
        }
      }
    } catch (error) {
      this.failWaiters(
        new LimiterUnavailable(`The shared rate limit could not be read from the database: ${String(error)}`),
      );
    } finally {
      this.pumping = false;
    }
  }

  private releaser(slot: string): Release {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      // Counted from the answer, on the database's clock. If this update fails the lease still ends the slot.
      void this.db
        .query(
          "update rate_slots set counted_until = clock_timestamp() + $2 * interval '1 millisecond' where id = $1",
          [slot, this.settings.countedAfterAnswerMs],
        )
        .catch(() => undefined);
    };
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
