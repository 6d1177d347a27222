import { findAllowedRoute, NOT_FORWARDED_HEADER, PROXY_PREFIX } from "../hubspot/endpoints.ts";
import { type Clock, systemClock } from "../platform/clock.ts";
import { LOCAL_USER, type SignedInUser } from "./identity.ts";
import type { Journal } from "./journal/journal.ts";
import { journalWrite, type Sent } from "./journal/journal-write.ts";
import { writeRouteOf } from "./journal/write-route.ts";
import { BoundedLimiters, LimiterBusy, type QueueBounds } from "./limiter-bounds.ts";
import { originHost } from "./origin-host.ts";
import { BODY_TIMEOUT_MS, joinChunks, MAX_BODY_BYTES, readBodyInTime } from "./proxy-body.ts";
import { filterUpstreamHeaders, jsonResponse, NULL_BODY_STATUSES, proxyError, redact } from "./proxy-http.ts";
import { LimiterWaitAborted, type Release, TokenLimiters } from "./rate-limiter.ts";
import { LimiterUnavailable } from "./shared-rate-limiter.ts";
import { handleSimulatorControl, type SimulatorControl } from "./simulator-control.ts";
import {
  fetchHandlerUpstream,
  type UpstreamAnswer,
  type UpstreamClient,
  UpstreamNetworkError,
} from "./upstream.ts";

/** An upstream in this process: a Fetch handler (the simulator, a test's fake of HubSpot). */
export type Upstream = (request: Request) => Promise<Response>;

/** Who is calling, as the auth layer resolved it (without sign-in: `LOCAL_USER`). */
export interface ProxyContext {
  user: SignedInUser;
}
export type ProxyHandler = (request: Request, context?: ProxyContext) => Promise<Response>;
/** What the proxy lends its own endpoints: HubSpot, through the allow-list, the rate limit and the token. */
export interface ApiRouteTools {
  hubspot: (method: "POST", hubspotPath: string, body: unknown) => Promise<Response>;
}
/** Another `/api/*` endpoint behind the proxy's caller checks; `undefined` when the path is not its. */
export type ApiRoute = (
  request: Request,
  url: URL,
  user: SignedInUser,
  tools: ApiRouteTools,
) => Promise<Response | undefined>;

export interface ProxyOptions {
  /**
   * HubSpot over HTTP (`httpUpstream`, pooled) or a Fetch handler in this process (the simulator's `fetch`).
   * Receives absolute URLs on `upstreamOrigin`.
   */
  upstream: Upstream | UpstreamClient;
  upstreamName: "simulator" | "hubspot";
  /** The private app token. Added to every forwarded request; never sent to the browser or logged. */
  token: string;
  /** HubSpot's requests per rolling 10 s for this token (the tier). */
  perTenSeconds: number;
  /** How long to wait for the upstream's complete answer (not counting rate-limit waits). Default 30 s. */
  timeoutMs?: number;
  /**
   * Shared across every handler for the same server; default a fresh one sized to `perTenSeconds`. With
   * replicas: `SharedTokenLimiters`, whose counts live in PostgreSQL.
   */
  limiters?: Pick<TokenLimiters, "acquire" | "reset">;
  /** Exposes `/api/simulator/*` when given (simulator mode with control on). */
  simulatorControl?: SimulatorControl;
  upstreamOrigin?: string;
  maxBodyBytes?: number;
  /** How long a request body may take to arrive (408 after). Default 15 s. */
  bodyTimeoutMs?: number;
  /** The largest upstream answer passed on (502 beyond). Default 16 MB. */
  maxResponseBytes?: number;
  /** How many may wait for the limiter, per token and per user, and for how long. */
  queueBounds?: QueueBounds;
  clock?: Clock;
  /**
   * Host headers (`host:port`) the API answers; anything else gets 403. Guards a loopback-bound server against
   * DNS rebinding (a hostile page whose name resolves to 127.0.0.1). Default: any host.
   */
  allowedHosts?: readonly string[];
  /** Records every CRM write before and after it goes upstream (see `src/server/journal/`). */
  journal?: Journal;
  /** The app's own endpoints (journal, history), tried in order before a 404. */
  routes?: readonly ApiRoute[];
  /** Receives one line per proxy-made error and upstream 5xx; lines are redacted before this sees them. */
  log?: (line: string) => void;
}

/**
 * The token-holding proxy as a Fetch handler for everything under `/api`. Forwards only the allow-list in
 * `src/hubspot/endpoints.ts`, checks bodies with the shared schemas, waits for the per-token rate limiter and
 * maps upstream failures to 502/504 JSON.
 */
export function createProxy(options: ProxyOptions): ProxyHandler {
  const {
    token,
    timeoutMs = 30_000,
    upstreamOrigin = "https://api.hubapi.com",
    maxBodyBytes = MAX_BODY_BYTES,
    bodyTimeoutMs = BODY_TIMEOUT_MS,
    maxResponseBytes = MAX_RESPONSE_BYTES,
    clock = systemClock,
  } = options;
  const upstream =
    typeof options.upstream === "function" ? fetchHandlerUpstream(options.upstream) : options.upstream;
  const limiters = options.limiters ?? new TokenLimiters({ perTenSeconds: options.perTenSeconds, clock });
  // The bounds estimate Retry-After from the limit; a shared (replica) limiter knows no `perTenSeconds` of its own.
  const bounded = new BoundedLimiters(
    { acquire: (...args) => limiters.acquire(...args), perTenSeconds: options.perTenSeconds },
    options.queueBounds,
    clock,
  );
  const log = (line: string) => options.log?.(redact(line, token));

  const health = () =>
    jsonResponse(200, {
      ok: true,
      upstream: options.upstreamName,
      rateLimit: { perTenSeconds: options.perTenSeconds },
    });

  async function forward(
    request: Request,
    user: SignedInUser,
    hubspotPath: string,
    search: string,
  ): Promise<Response> {
    const route = findAllowedRoute(request.method, hubspotPath);
    if (!route) return notFound(request.method, `${PROXY_PREFIX}${hubspotPath}`);

    let body: string | undefined;
    let value: unknown;
    if (route.body) {
      const checked = await readBodyInTime(request, route.body, maxBodyBytes, bodyTimeoutMs, clock.setTimer);
      if (!checked.ok) {
        // A client that hung up mid-body is gone, not a proxy failure: nothing to log.
        if (checked.kind !== "canceled") log(`${request.method} ${hubspotPath} rejected: ${checked.message}`);
        return notForwarded(proxyError(checked.kind, checked.message));
      }
      body = checked.json;
      value = checked.value;
    }

    let release: Release;
    try {
      const kind = route.body === "search" ? "search" : "normal";
      release = await bounded.acquire(token, kind, user.id, request.signal);
    } catch (error) {
      if (error instanceof LimiterBusy) {
        log(`${request.method} ${hubspotPath} → 503: ${error.message}`);
        const response = notForwarded(proxyError("busy", error.message));
        response.headers.set("retry-after", String(error.retryAfterSeconds));
        return response;
      }
      if (error instanceof LimiterWaitAborted) return notForwarded(proxyError("canceled", error.message));
      if (error instanceof LimiterUnavailable) {
        log(`${request.method} ${hubspotPath} not sent: ${error.message}`);
        return notForwarded(
          proxyError(
            "database-unavailable",
            "The server could not reach its database to share HubSpot's rate limit, so it did not send this request. It is safe to send again.",
          ),
        );
      }
      throw error;
    }
    // The grant and a hang-up can cross: nothing is sent for a client that is already gone.
    if (request.signal.aborted) {
      release();
      return notForwarded(proxyError("canceled", "The client went away before the request was sent."));
    }
    try {
      const attempt = () => send(request.method, hubspotPath, search, body);
      const write = options.journal ? writeRouteOf(request.method, hubspotPath) : undefined;
      if (!options.journal || !write) return (await attempt()).response;
      return await journalWrite(
        options.journal,
        { user, request, hubspotPath, route: write, body: value },
        attempt,
        log,
      );
    } finally {
      release();
    }
  }

  async function send(
    method: string,
    hubspotPath: string,
    search: string,
    body: string | undefined,
  ): Promise<Sent> {
    const started = clock.now();
    const controller = new AbortController();
    let cancelTimer: () => void = () => undefined;
    const timedOut = new Promise<"timeout">((resolve) => {
      cancelTimer = clock.setTimer(() => {
        controller.abort();
        resolve("timeout");
      }, timeoutMs);
    });
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: "application/json" };
    if (body !== undefined) headers["content-type"] = "application/json";
    const call = {
      method,
      url: `${upstreamOrigin}${hubspotPath}${search}`,
      headers,
      body,
      signal: controller.signal,
    };
    try {
      // Races the timer, not only the signal: an upstream that ignores aborts must still end in a 504.
      const answer = await Promise.race([upstream.send(call), timedOut]);
      if (answer === "timeout") return timeout(method, hubspotPath);
      // A redirect is not HubSpot's answer: following it would resend a POST somewhere else, or report a
      // request that HubSpot did receive as never sent when the redirect's target is down.
      if (answer.status >= 300 && answer.status < 400) {
        await answer.discard();
        const note = `HubSpot answered with a redirect (${answer.status}), which the proxy does not follow. The request may or may not have been applied.`;
        log(`${method} ${hubspotPath} → 502: upstream redirect ${answer.status}`);
        return { response: proxyError("upstream-redirect", note), outcome: { kind: "unknown", note } };
      }
      const bytes = await Promise.race([readAtMost(answer, maxResponseBytes), timedOut]);
      if (bytes === "timeout") return timeout(method, hubspotPath);
      if (bytes === "too-large") {
        const note = `HubSpot's answer was larger than ${Math.round(maxResponseBytes / 1024 / 1024)} MB, so the proxy did not pass it on. The request may or may not have been applied.`;
        log(`${method} ${hubspotPath} → 502: upstream answer over ${maxResponseBytes} bytes`);
        return { response: proxyError("upstream-too-large", note), outcome: { kind: "unknown", note } };
      }
      if (answer.status >= 500) log(`${method} ${hubspotPath} → upstream ${answer.status}`);
      const text = redact(new TextDecoder().decode(bytes), token);
      const headers = filterUpstreamHeaders(answer.headers, token);
      return {
        response: new Response(NULL_BODY_STATUSES.has(answer.status) ? null : text, {
          status: answer.status,
          headers,
        }),
        outcome: { kind: "answered", status: answer.status, headers, text },
      };
    } catch (error) {
      if (controller.signal.aborted) return timeout(method, hubspotPath);
      const reason = error instanceof Error ? error.message : String(error);
      if (!(error instanceof UpstreamNetworkError)) {
        log(`${method} ${hubspotPath} → 500: the upstream threw: ${reason}`);
        const note = "The upstream failed unexpectedly. The request may or may not have been applied.";
        return { response: unexpected(), outcome: { kind: "unknown", note } };
      }
      log(`${method} ${hubspotPath} → 502 after ${clock.now() - started} ms: ${reason}`);
      if (error.neverSent) {
        const note = `HubSpot could not be reached (${redact(reason, token)}). The request was not sent; it is safe to send again.`;
        const response = proxyError("upstream-unreachable", note);
        response.headers.set(NOT_FORWARDED_HEADER, "1");
        return { response, outcome: { kind: "not-sent", note } };
      }
      const note = `HubSpot could not be reached (${redact(reason, token)}). The request may or may not have been applied.`;
      return { response: proxyError("upstream-unreachable", note), outcome: { kind: "unknown", note } };
    } finally {
      cancelTimer();
    }
  }

  function timeout(method: string, hubspotPath: string): Sent {
    log(`${method} ${hubspotPath} → 504 after ${timeoutMs} ms`);
    const note = `HubSpot did not answer within ${Math.round(timeoutMs / 1000)} s. The request may or may not have been applied.`;
    return { response: proxyError("upstream-timeout", note), outcome: { kind: "unknown", note } };
  }

  function notFound(method: string, path: string): Response {
    return proxyError("not-found", `${method} ${path} is not an endpoint of this app's API.`);
  }

  return async function proxy(request: Request, context?: ProxyContext): Promise<Response> {
    const user = context?.user ?? LOCAL_USER;
    const url = new URL(request.url);
    const path = url.pathname;
    try {
      const refused = refuseForeignCaller(request, url, options.allowedHosts);
      if (refused) {
        // The likeliest cause of this line is a reverse proxy passing the public name on, not an attack.
        const hint = refused.startsWith("unexpected host")
          ? " (behind a reverse proxy on this computer, set PUBLIC_URL to the address people open)"
          : "";
        log(`${request.method} ${path} refused: ${refused}${hint}`);
        return proxyError("forbidden", `This API only answers the app's own pages (${refused}).`);
      }
      if (path === "/api/health" && request.method === "GET") return health();
      if (path.startsWith(`${PROXY_PREFIX}/`)) {
        const hubspotPath = path.slice(PROXY_PREFIX.length);
        // Encoded characters (%2F, %2E, …) and empty segments could mean one thing here and another upstream.
        if (/%|\/\/|\\/.test(hubspotPath)) return notFound(request.method, path);
        return await forward(request, user, hubspotPath, url.search);
      }
      if (path.startsWith("/api/simulator/") && options.simulatorControl) {
        const handled = await handleSimulatorControl(request, path, options.simulatorControl, () =>
          limiters.reset(),
        );
        if (handled) return handled;
      }
      const tools: ApiRouteTools = {
        hubspot: (method, hubspotPath, body) =>
          forward(
            new Request(`${url.origin}${PROXY_PREFIX}${hubspotPath}`, {
              method,
              headers: { "content-type": "application/json" },
              body: JSON.stringify(body),
              signal: request.signal,
            }),
            user,
            hubspotPath,
            "",
          ),
      };
      for (const route of options.routes ?? []) {
        const handled = await route(request, url, user, tools);
        if (handled) return handled;
      }
      return notFound(request.method, path);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      log(`${request.method} ${path} → 500: ${reason}`);
      return unexpected();
    }
  };
}

/** The largest upstream answer passed on: HubSpot's biggest (a 100-record batch read) is a few hundred KB. */
export const MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

/** The body's bytes, or `"too-large"` as soon as more than `maxBytes` arrived (the rest is not read). */
async function readAtMost(answer: UpstreamAnswer, maxBytes: number): Promise<Uint8Array | "too-large"> {
  const declared = Number(answer.headers.find(([name]) => name === "content-length")?.[1] ?? "0");
  if (Number.isFinite(declared) && declared > maxBytes) {
    await answer.discard();
    return "too-large";
  }
  if (!answer.body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  // Leaving the loop early cancels the body (and, over HTTP, the connection).
  for await (const chunk of answer.body) {
    total += chunk.byteLength;
    if (total > maxBytes) return "too-large";
    chunks.push(chunk);
  }
  return joinChunks(chunks, total);
}

/** A refusal made before anything was sent: the submission queue may send it again without a duplicate. */
function notForwarded(response: Response): Response {
  response.headers.set(NOT_FORWARDED_HEADER, "1");
  return response;
}

/** A bug, here or in the upstream: no internal message reaches the browser (it may name files or data). */
function unexpected(): Response {
  return jsonResponse(500, {
    status: "error",
    category: "PROXY_ERROR",
    message:
      "The proxy failed unexpectedly. The request may or may not have been applied; check before sending it again.",
  });
}

/**
 * Another site must not drive the token through the user's browser: a cross-origin POST is a "simple"
 * request that browsers send without asking first, so the proxy refuses any request whose `Origin` is not its
 * own, or that the browser marks as cross-site. Requests without those headers (curl, tests) pass.
 */
function refuseForeignCaller(
  request: Request,
  url: URL,
  allowedHosts?: readonly string[],
): string | undefined {
  // Names with or without the port: with PORT=0 the port is only known once the server listens.
  if (allowedHosts && !allowedHosts.includes(url.host) && !allowedHosts.includes(url.hostname))
    return `unexpected host ${url.host}`;
  const origin = request.headers.get("origin");
  // Hosts, not origins: behind a TLS-terminating reverse proxy the request URL says http while the page is https.
  if (origin !== null && originHost(origin) !== url.host) return "cross-origin request";
  if (request.headers.get("sec-fetch-site") === "cross-site") return "cross-site request";
  return undefined;
}
