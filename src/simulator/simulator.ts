import { DAILY_LIMITS, DEFAULT_TIER, RATE_LIMIT_TIERS } from "../hubspot/limits.ts";
import type { QuoteSystem } from "../hubspot/quote-system.ts";
import { type Clock, systemClock } from "../platform/clock.ts";
import { batchStatusBody } from "./batch-status-faults.ts";
import type { SimContext } from "./context.ts";
import { generateCrm, indexCrm } from "./crm-data.ts";
import { DEFAULT_FAULTS, drawFault, type FaultSettings } from "./faults.ts";
import { createLineItemStore, type StoredLineItem } from "./line-item-store.ts";
import { createPortal, type PortalName } from "./portal.ts";
import { prngStream } from "./prng.ts";
import { createQuoteStore, type StoredQuote } from "./quote-store.ts";
import { createRateLimiter } from "./rate-limiter.ts";
import { errorResponse, isoAt, jsonResponse, rateLimitBody } from "./responses.ts";
import { matchRoute } from "./routes.ts";

export type { StoredLineItem } from "./line-item-store.ts";
export type { PortalName } from "./portal.ts";
export type { StoredQuote } from "./quote-store.ts";

export const SIMULATOR_TOKEN = "simulator-token";

export type { FaultSettings } from "./faults.ts";

export interface SimulatorOptions {
  /** Default 42; same seed → same CRM, same shuffles, same fault draws. */
  seed?: number;
  /** Default the Starter tier's (`src/hubspot/limits.ts`). */
  rateLimitPerTenSeconds?: number;
  /** Default the Starter tier's. */
  dailyLimit?: number;
  /** Default SIMULATOR_TOKEN; anything else → 401 like HubSpot. */
  acceptedToken?: string;
  /** Time for rate windows, timestamps and latency (default the system clock). */
  clock?: Clock;
  faults?: Partial<FaultSettings>;
  /** Default `us`: the portal's account, currencies, labels and CRM. */
  portal?: PortalName;
  /** Default `legacy`; `cpq`: quotes need CPQ_QUOTE, a contact, a deal and line items, and stay drafts. */
  quoteSystem?: QuoteSystem;
  /** Adds `Retry-After` (seconds) to ten-secondly 429s. HubSpot's own behaviour is unconfirmed; off by default. */
  retryAfterOnRateLimit?: boolean;
}

export interface Simulator {
  fetch(request: Request): Promise<Response>;
  getFaults(): FaultSettings;
  setFaults(faults: Partial<FaultSettings>): void;
  /** Forget created quotes, rate-limit windows; fault settings back to the options' ones. */
  reset(): void;
  /** For tests and benches (duplicate detection); archived quotes included, with `archivedAt`. */
  createdQuotes(): readonly StoredQuote[];
  /** The line items batch create made, archived ones included (duplicate and orphan detection). */
  createdLineItems(): readonly StoredLineItem[];
}

export function createSimulator(options: SimulatorOptions = {}): Simulator {
  const seed = options.seed ?? 42;
  const clock = options.clock ?? systemClock;
  const now = () => clock.now();
  const acceptedToken = options.acceptedToken ?? SIMULATOR_TOKEN;
  const portal = createPortal(options.portal ?? "us", options.quoteSystem ?? "legacy");
  const crm = generateCrm(prngStream(seed, "crm"), portal.words);
  const index = indexCrm(crm);
  const quotes = createQuoteStore();
  const lineItems = createLineItemStore(
    crm.line_items,
    crm.deals.map((deal) => deal.id),
  );
  const limiter = createRateLimiter({
    perTenSeconds: options.rateLimitPerTenSeconds ?? RATE_LIMIT_TIERS[DEFAULT_TIER],
    daily: options.dailyLimit ?? DAILY_LIMITS[DEFAULT_TIER],
  });
  const initialFaults = (): FaultSettings => ({ ...DEFAULT_FAULTS, ...options.faults });
  let faults = initialFaults();
  let faultStream = prngStream(seed, "faults");
  let idStream = prngStream(seed, "correlation-ids");
  const ctx: SimContext = {
    portal,
    crm,
    index,
    quotes,
    lineItems,
    shuffle: prngStream(seed, "shuffle"),
    now,
    correlationId: () => idStream.uuid(),
  };

  async function handle(request: Request): Promise<Response> {
    if (faults.latencyMs > 0) await clock.sleep(faults.latencyMs);
    const url = new URL(request.url);
    const token = /^Bearer\s+(.+)$/i.exec(request.headers.get("authorization") ?? "")?.[1]?.trim();
    if (token === undefined || token !== acceptedToken) {
      const message =
        token === undefined
          ? "Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview"
          : "The access token provided is not valid. Check that the private app's access token is correct and has not been rotated.";
      return errorResponse(401, ctx.correlationId(), "INVALID_AUTHENTICATION", message);
    }
    const found = matchRoute(request.method, url.pathname);
    if (!found) {
      return errorResponse(
        404,
        ctx.correlationId(),
        "OBJECT_NOT_FOUND",
        `No ${request.method} endpoint at ${url.pathname}`,
      );
    }
    const { route, match } = found;
    const decision = limiter.take(token, now(), route.limit, faults.dailyLimitReached);
    if (!decision.allowed) {
      const correlationId = ctx.correlationId();
      const headers: Record<string, string> = { ...decision.headers };
      if (options.retryAfterOnRateLimit && decision.policy === "TEN_SECONDLY_ROLLING") {
        headers["retry-after"] = String(Math.max(1, Math.ceil(limiter.msUntilSlot(token, now()) / 1000)));
      }
      return jsonResponse(429, rateLimitBody(correlationId, decision.policy), headers);
    }
    const fault = route.write ? drawFault(faultStream, faults) : "none";
    if (fault === "locked") {
      return errorResponse(
        423,
        ctx.correlationId(),
        "LOCKED",
        "The resource is locked by another request. Try again in a few seconds.",
        {},
        decision.headers,
      );
    }
    if (fault === "failBeforeApply") {
      return errorResponse(
        503,
        ctx.correlationId(),
        "SERVICE_UNAVAILABLE",
        "The service is temporarily unavailable. Try again later.",
        {},
        decision.headers,
      );
    }
    const isBatch = route.write === "batch";
    if (isBatch && fault === "canceled") {
      const at = isoAt(now());
      const body = { status: "CANCELED", results: [], requestedAt: at, startedAt: at, completedAt: at };
      return jsonResponse(route.successStatus ?? 200, body, {
        ...decision.headers,
        "x-hubspot-correlation-id": ctx.correlationId(),
      });
    }
    const body = request.method === "POST" ? await request.text() : "";
    const result = route.handle(ctx, match, url, body);
    const applied = result.status >= 200 && result.status < 300;
    if (applied && isBatch && (fault === "pending" || fault === "processing")) {
      return jsonResponse(route.successStatus ?? 200, batchStatusBody(result.body, fault), {
        ...decision.headers,
        "x-hubspot-correlation-id": ctx.correlationId(),
      });
    }
    if (applied && fault === "failAfterApply") {
      return errorResponse(
        502,
        ctx.correlationId(),
        "BAD_GATEWAY",
        "The upstream server did not answer in time.",
        {},
        decision.headers,
      );
    }
    if (applied && fault === "dropAfterApply") {
      // Shaped like undici's: a TypeError "fetch failed" with the socket error on `cause`.
      throw new TypeError("fetch failed: the connection was closed before a response arrived", {
        cause: Object.assign(new Error("other side closed"), { code: "UND_ERR_SOCKET" }),
      });
    }
    const headers = { ...decision.headers, "x-hubspot-correlation-id": ctx.correlationId() };
    if (result.status === 204) return new Response(null, { status: 204, headers });
    return jsonResponse(result.status, result.body, headers);
  }

  return {
    fetch: handle,
    getFaults: () => ({ ...faults }),
    setFaults(patch) {
      faults = { ...faults, ...patch };
    },
    reset() {
      quotes.reset();
      lineItems.reset();
      limiter.reset();
      faults = initialFaults();
      faultStream = prngStream(seed, "faults");
      idStream = prngStream(seed, "correlation-ids");
      ctx.shuffle = prngStream(seed, "shuffle");
    },
    createdQuotes: () => quotes.all(),
    createdLineItems: () => lineItems.created(),
  };
}
