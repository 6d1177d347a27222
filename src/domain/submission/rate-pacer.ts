import { RATE_LIMIT_HEADERS } from "../../hubspot/endpoints.ts";
import type { RateLimit } from "./plan.ts";
import type { HeaderReader } from "./send-result.ts";

/**
 * Paces sends to HubSpot's rolling window. It mirrors the window with our own send times (the configured
 * limit, then whatever `X-HubSpot-RateLimit-Max`/`-Interval-Milliseconds` say), and backs off when
 * `-Remaining` shows others share the limit. A 429 pauses everything for the time HubSpot asked.
 */
export class RatePacer {
  private limit: RateLimit;
  private readonly sends: number[] = [];
  private pausedUntil = 0;
  /** When HubSpot last said the window was empty while our own sends could not have emptied it. */
  private foreignExhaustion: number | undefined;

  constructor(
    limit: RateLimit,
    /** Slack for clock skew between our send and HubSpot's count of it. */
    private readonly marginMs = 100,
  ) {
    this.limit = limit;
  }

  get rateLimit(): RateLimit {
    return this.limit;
  }

  /** How long to wait before the next send may go out; 0 means now. */
  delay(now: number): number {
    let until = this.pausedUntil;
    const { max, intervalMs } = this.limit;
    while (this.sends.length > 0 && this.sends[0]! <= now - intervalMs - this.marginMs) this.sends.shift();
    if (this.sends.length >= max)
      until = Math.max(until, this.sends[this.sends.length - max]! + intervalMs + this.marginMs);
    if (this.foreignExhaustion) {
      // Someone else (another tab, another user of the token) used the window: wait one slot, then probe.
      until = Math.max(until, this.foreignExhaustion + intervalMs / max);
    }
    return Math.max(0, until - now);
  }

  noteSend(now: number): void {
    this.sends.push(now);
    // One probe per slot while others hold the window; a fresh answer clears or renews the hold.
    if (this.foreignExhaustion !== undefined) this.foreignExhaustion = now;
  }

  observe(headers: HeaderReader, now: number): void {
    const max = positive(headers.get(RATE_LIMIT_HEADERS.max));
    const interval = positive(headers.get(RATE_LIMIT_HEADERS.intervalMs));
    if (max !== undefined && interval !== undefined) this.limit = { max, intervalMs: interval };
    const remaining = Number(headers.get(RATE_LIMIT_HEADERS.remaining) ?? Number.NaN);
    // Remaining is 0 at the edge of every burst we make ourselves; only a window we did not fill is news.
    const own = this.sends.filter((at) => at > now - this.limit.intervalMs).length;
    const foreign = Number.isFinite(remaining) && remaining <= 0 && own < this.limit.max * 0.9;
    this.foreignExhaustion = foreign ? now : undefined;
  }

  pause(until: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, until);
  }
}

function positive(value: string | null): number | undefined {
  const n = Number(value);
  return value !== null && Number.isFinite(n) && n > 0 ? n : undefined;
}
