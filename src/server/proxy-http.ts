import { PROXY_ERROR_HEADER } from "../hubspot/endpoints.ts";

/** Response helpers for the proxy: JSON errors in HubSpot's `Error` shape, header filtering, redaction. */

export type ProxyErrorKind =
  | "not-found"
  | "forbidden"
  | "unauthenticated"
  | "role-required"
  | "csrf"
  | "bad-request"
  | "too-large"
  | "upstream-timeout"
  | "upstream-unreachable"
  | "canceled"
  | "journal-unavailable"
  | "body-timeout"
  | "busy"
  | "upstream-redirect"
  | "upstream-too-large"
  | "database-unavailable";

const STATUS: Record<ProxyErrorKind, number> = {
  "not-found": 404,
  forbidden: 403,
  unauthenticated: 401,
  "role-required": 403,
  csrf: 403,
  "bad-request": 400,
  "too-large": 413,
  "upstream-timeout": 504,
  "upstream-unreachable": 502,
  canceled: 499,
  "journal-unavailable": 503,
  "body-timeout": 408,
  busy: 503,
  "upstream-redirect": 502,
  "upstream-too-large": 502,
  "database-unavailable": 503,
};

const CATEGORY: Record<ProxyErrorKind, string> = {
  "not-found": "NOT_FOUND",
  forbidden: "FORBIDDEN",
  unauthenticated: "UNAUTHENTICATED",
  "role-required": "MISSING_ROLE",
  csrf: "CSRF_REJECTED",
  "bad-request": "VALIDATION_ERROR",
  "too-large": "PAYLOAD_TOO_LARGE",
  "upstream-timeout": "UPSTREAM_TIMEOUT",
  "upstream-unreachable": "UPSTREAM_UNREACHABLE",
  canceled: "CANCELED",
  "journal-unavailable": "JOURNAL_UNAVAILABLE",
  "body-timeout": "REQUEST_TIMEOUT",
  busy: "RATE_LIMIT_QUEUE_FULL",
  "upstream-redirect": "UPSTREAM_REDIRECT",
  "upstream-too-large": "UPSTREAM_TOO_LARGE",
  "database-unavailable": "DATABASE_UNAVAILABLE",
};

/** The header that tells a proxy-made error from one HubSpot sent (HubSpot also answers 502 and 504). */
export { PROXY_ERROR_HEADER } from "../hubspot/endpoints.ts";

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers },
  });
}

/** An error the proxy itself answers, shaped like HubSpot's `Error` so the client parses both alike. */
/**
 * The app server's own error answer, shaped like HubSpot's (`category`, `message`, `context`). `context`
 * carries the values the page words the message with in its own language (`describeApiError`).
 */
export function proxyError(
  kind: ProxyErrorKind,
  message: string,
  context?: Record<string, string[]>,
): Response {
  return jsonResponse(
    STATUS[kind],
    { status: "error", category: CATEGORY[kind], message, ...(context ? { context } : {}) },
    { [PROXY_ERROR_HEADER]: kind },
  );
}

const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-authenticate",
  "proxy-authorization",
  "proxy-connection",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
]);

/**
 * Never for the browser: cookies of api.hubapi.com, length and encoding of a body fetch already decoded,
 * and policies (HSTS, Alt-Svc, CORS, reporting) that HubSpot's origin sets for itself, not for ours.
 */
const DROPPED = new Set([
  "set-cookie",
  "set-cookie2",
  "content-length",
  "content-encoding",
  "strict-transport-security",
  "alt-svc",
  "report-to",
  "nel",
  "authorization",
  "www-authenticate",
]);

/** The upstream's headers that may reach the browser. `upstream`: name/value pairs, e.g. a `Headers`. */
export function filterUpstreamHeaders(upstream: Iterable<readonly [string, string]>, token: string): Headers {
  const pairs = [...upstream];
  const named = new Set<string>();
  for (const [key, value] of pairs) {
    if (key.toLowerCase() !== "connection") continue;
    for (const name of value.split(",")) if (name.trim()) named.add(name.trim().toLowerCase());
  }
  const out = new Headers();
  for (const [key, value] of pairs) {
    const name = key.toLowerCase();
    if (HOP_BY_HOP.has(name) || DROPPED.has(name) || named.has(name)) continue;
    if (name.startsWith("access-control-")) continue;
    // `x-proxy-*` is this proxy's own vocabulary (e.g. "not forwarded, safe to resend"): an upstream must not forge it.
    if (name.startsWith("x-proxy-")) continue;
    if (containsSecret(value, token)) continue;
    out.append(name, value);
  }
  return out;
}

function containsSecret(text: string, token: string): boolean {
  return token.length > 0 && text.includes(token);
}

/** Replaces every occurrence of the token, e.g. in an upstream error that echoes the request. */
export function redact(text: string, token: string): string {
  return containsSecret(text, token) ? text.replaceAll(token, "[redacted]") : text;
}

/** Statuses whose responses must not carry a body. */
export const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);
