import { ROLLING_WINDOW_MS, SEARCH_PER_SECOND, SEARCH_WINDOW_MS } from "../hubspot/limits.ts";
import type { RateLimitPolicyName } from "./responses.ts";

const MS_PER_DAY = 86_400_000;

export interface RateLimitSettings {
  perTenSeconds: number;
  daily: number;
}

export type RateDecision =
  | { allowed: true; headers: Record<string, string> }
  | { allowed: false; policy: RateLimitPolicyName; headers: Record<string, string> };

/**
 * HubSpot's limits, per token: a rolling 10-second window for ordinary requests, 5 a second for search
 * (which also sends no rate-limit headers), and a daily count that resets at midnight UTC.
 * Rejected requests are not counted.
 */
export function createRateLimiter(settings: RateLimitSettings) {
  const windows = new Map<string, number[]>();
  const searchWindows = new Map<string, number[]>();
  const daily = new Map<string, { day: number; count: number }>();

  // Timestamps arrive in order, so expiring the oldest is a walk from the front: no full scan per request.
  const recent = (store: Map<string, number[]>, token: string, now: number, span: number): number[] => {
    const times = store.get(token) ?? [];
    let expired = 0;
    while (expired < times.length && (times[expired] ?? now) <= now - span) expired++;
    if (expired > 0) times.splice(0, expired);
    store.set(token, times);
    return times;
  };
  const dailyCount = (token: string, now: number) => {
    const day = Math.floor(now / MS_PER_DAY);
    const entry = daily.get(token);
    if (entry && entry.day === day) return entry;
    const fresh = { day, count: 0 };
    daily.set(token, fresh);
    return fresh;
  };
  const headers = (used: number, dailyUsed: number): Record<string, string> => ({
    "x-hubspot-ratelimit-max": String(settings.perTenSeconds),
    "x-hubspot-ratelimit-remaining": String(Math.max(0, settings.perTenSeconds - used)),
    "x-hubspot-ratelimit-interval-milliseconds": String(ROLLING_WINDOW_MS),
    "x-hubspot-ratelimit-daily": String(settings.daily),
    "x-hubspot-ratelimit-daily-remaining": String(Math.max(0, settings.daily - dailyUsed)),
  });

  return {
    /** Counts the request when allowed. `dailyLimitReached` forces the daily answer (a fault). */
    take(token: string, now: number, kind: "normal" | "search", dailyLimitReached = false): RateDecision {
      const day = dailyCount(token, now);
      if (dailyLimitReached || day.count >= settings.daily) {
        const used = recent(windows, token, now, ROLLING_WINDOW_MS).length;
        return {
          allowed: false,
          policy: "DAILY",
          headers: kind === "search" ? {} : headers(used, settings.daily),
        };
      }
      if (kind === "search") {
        const inSecond = recent(searchWindows, token, now, SEARCH_WINDOW_MS);
        if (inSecond.length >= SEARCH_PER_SECOND) return { allowed: false, policy: "SECONDLY", headers: {} };
        inSecond.push(now);
        day.count++;
        return { allowed: true, headers: {} };
      }
      const inWindow = recent(windows, token, now, ROLLING_WINDOW_MS);
      if (inWindow.length >= settings.perTenSeconds) {
        return {
          allowed: false,
          policy: "TEN_SECONDLY_ROLLING",
          headers: headers(inWindow.length, day.count),
        };
      }
      inWindow.push(now);
      day.count++;
      return { allowed: true, headers: headers(inWindow.length, day.count) };
    },
    /** When the oldest request in the 10-second window leaves it: for an optional Retry-After. */
    msUntilSlot(token: string, now: number): number {
      const oldest = recent(windows, token, now, ROLLING_WINDOW_MS)[0];
      return oldest === undefined ? 0 : oldest + ROLLING_WINDOW_MS - now;
    },
    reset(): void {
      windows.clear();
      searchWindows.clear();
      daily.clear();
    },
  };
}
export type RateLimiter = ReturnType<typeof createRateLimiter>;
