/**
 * HubSpot's published limits (FACTS.md "Rate limits"), in one place for the proxy's limiter, the browser's
 * pacer, the simulator and the submission plan.
 */

/** Requests per rolling 10-second window, per private app, by account tier. */
export const RATE_LIMIT_TIERS = {
  starter: 100,
  professional: 190,
  enterprise: 190,
  "api-limit-increase": 250,
} as const;
export type RateLimitTier = keyof typeof RATE_LIMIT_TIERS;

/** Requests per day, per account, by tier (an API limit increase adds 1,000,000 per pack). */
export const DAILY_LIMITS: Record<RateLimitTier, number> = {
  starter: 250_000,
  professional: 625_000,
  enterprise: 1_000_000,
  "api-limit-increase": 2_000_000,
};

export const ROLLING_WINDOW_MS = 10_000;
/** Search endpoints: 5 requests a second per account, with no rate-limit headers. */
export const SEARCH_PER_SECOND = 5;
export const SEARCH_WINDOW_MS = 1_000;
/** At most this many results per search page. */
export const SEARCH_PAGE_MAX = 200;
/** Inputs per batch request (create, read, update, archive); more gives 400 VALIDATION_ERROR. */
export const MAX_BATCH_INPUTS = 100;

export const DEFAULT_TIER: RateLimitTier = "starter";
