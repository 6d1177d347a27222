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

const NEVER_SENT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);

/** Whether a failed upstream fetch is known not to have sent the request (Node puts the code on `cause`). */
export function failedBeforeSending(error: unknown): boolean {
  const cause = error instanceof Error ? error.cause : undefined;
  const code = cause instanceof Error && "code" in cause ? cause.code : undefined;
  return typeof code === "string" && NEVER_SENT_CODES.has(code);
}

/**
 * Whether a thrown upstream error is the network failing (fetch's `TypeError`: "fetch failed" with a socket
 * code on `cause`, or "terminated" mid-body), rather than a bug inside the upstream. Only the first may have
 * reached HubSpot and left the outcome unknown; the second is a 500 that echoes nothing of the exception.
 */
export function isNetworkFailure(error: unknown): boolean {
  if (!(error instanceof TypeError)) return false;
  const cause = error.cause;
  const hasCode = cause instanceof Error && "code" in cause && typeof cause.code === "string";
  return hasCode || /^(fetch failed|terminated)\b/.test(error.message);
}

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers },
  });
}

/** An error the proxy itself answers, shaped like HubSpot's `Error` so the client parses both alike. */
export function proxyError(kind: ProxyErrorKind, message: string): Response {
  return jsonResponse(
    STATUS[kind],
    { status: "error", category: CATEGORY[kind], message },
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

export function filterUpstreamHeaders(upstream: Headers, token: string): Headers {
  const named = new Set(
    (upstream.get("connection") ?? "")
      .split(",")
      .map((name) => name.trim().toLowerCase())
      .filter(Boolean),
  );
  const out = new Headers();
  upstream.forEach((value, key) => {
    const name = key.toLowerCase();
    if (HOP_BY_HOP.has(name) || DROPPED.has(name) || named.has(name)) return;
    if (name.startsWith("access-control-")) return;
    // `x-proxy-*` is this proxy's own vocabulary (e.g. "not forwarded, safe to resend"): an upstream must not forge it.
    if (name.startsWith("x-proxy-")) return;
    if (containsSecret(value, token)) return;
    out.append(name, value);
  });
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
