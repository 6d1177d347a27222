import { DEFAULT_TIER, MAX_BATCH_INPUTS, RATE_LIMIT_TIERS, ROLLING_WINDOW_MS } from "../../hubspot/limits.ts";

export interface RateLimit {
  /** Requests allowed per rolling interval (HubSpot: 100 on Free/Starter, 190 on Pro/Enterprise). */
  max: number;
  intervalMs: number;
}

export const DEFAULT_RATE_LIMIT: RateLimit = {
  max: RATE_LIMIT_TIERS[DEFAULT_TIER],
  intervalMs: ROLLING_WINDOW_MS,
};

export interface PlanInput {
  quotes: number;
  rateLimit: RateLimit;
  /** A typical round trip of one request; 0 when unknown. */
  latencyMs?: number;
  concurrency?: number;
  maxPerRequest?: number;
}

export interface SubmissionPlan {
  quotes: number;
  requests: number;
  /**
   * The rate-limit floor: the time no client can beat. Requests go out `max` per rolling window, so the
   * last window opens `(windows - 1) × interval` after the first; its answer comes one round trip later.
   */
  floorMs: number;
  /** The floor plus the time our bounded concurrency needs to fill the last window. */
  estimatedMs: number;
}

export function planSubmission(input: PlanInput): SubmissionPlan {
  const perRequest = input.maxPerRequest ?? MAX_BATCH_INPUTS;
  const requests = Math.ceil(input.quotes / perRequest);
  const latency = input.latencyMs ?? 0;
  const concurrency = Math.max(1, input.concurrency ?? 1);
  if (requests === 0) return { quotes: 0, requests: 0, floorMs: 0, estimatedMs: 0 };
  const windows = Math.ceil(requests / input.rateLimit.max);
  const inLastWindow = requests - (windows - 1) * input.rateLimit.max;
  const floorMs = (windows - 1) * input.rateLimit.intervalMs + latency;
  const rateBound = (windows - 1) * input.rateLimit.intervalMs + (inLastWindow - 1) * (latency / concurrency);
  // When round trips are slow, concurrency (not the rate limit) is what bounds the run.
  const latencyBound = (requests - 1) * (latency / concurrency);
  return {
    quotes: input.quotes,
    requests,
    floorMs,
    estimatedMs: Math.max(rateBound, latencyBound) + latency,
  };
}

/** "about 2 min 5 s" or "under a second": for the dialog and the ETA. */
export function aboutDuration(ms: number): string {
  return ms < 1000 ? "under a second" : `about ${describeDuration(ms)}`;
}

/** "2 min 5 s", "under a second". */
export function describeDuration(ms: number): string {
  if (ms < 1000) return "under a second";
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
}
