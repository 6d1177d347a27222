import { BatchResponse } from "../../hubspot/batch-create.ts";
import {
  NOT_FORWARDED_HEADER,
  PROXY_ERROR_HEADER,
  RATE_LIMIT_HEADERS,
  SIGN_IN_HEADER,
  SIGNED_OUT_PROXY_ERROR,
} from "../../hubspot/endpoints.ts";
import { ApiErrorBody, ERROR_CATEGORIES, RateLimitErrorBody } from "../../hubspot/errors.ts";
import type { HeaderReader, SendResult } from "./send-result.ts";
import {
  hubspotSaid,
  type InnerMessage,
  type LeafMessage,
  type SubmissionMessage,
} from "./submission-message.ts";

export const MIN_LOCKED_WAIT_MS = 2_000;

/** What the queue does with one answer (or the lack of one). */
export type Verdict =
  | { kind: "batch"; status: number; response: BatchResponse }
  | { kind: "rate-limited"; waitMs: number; message: LeafMessage }
  | { kind: "locked"; waitMs: number; message: LeafMessage }
  | { kind: "resend"; reason: "not-applied" | "server-unreachable"; message: LeafMessage }
  | { kind: "unknown"; status?: number; message: InnerMessage }
  | {
      kind: "rejected";
      status: number;
      body: ApiErrorBody | undefined;
      category: string;
      message: LeafMessage;
    }
  | { kind: "stop-auth"; status: 401 | 403; category: string; message: SubmissionMessage }
  /** The person's own sign-in ended (the proxy's 401, not HubSpot's): nothing was forwarded. */
  | { kind: "signed-out"; message: SubmissionMessage; signIn?: string }
  | { kind: "stop-daily"; message: SubmissionMessage };

export function classify(result: SendResult, now: number, defaultIntervalMs: number): Verdict {
  if (result.kind === "no-answer") {
    return result.sent === "no"
      ? { kind: "resend", reason: "server-unreachable", message: result.message }
      : { kind: "unknown", message: result.message };
  }
  const { status, headers, body } = result;
  if (status >= 200 && status < 300) {
    const parsed = BatchResponse.safeParse(body);
    if (parsed.success) return { kind: "batch", status, response: parsed.data };
    // A 2xx means HubSpot did something; an answer we cannot read leaves the rows unknown, not failed.
    return {
      kind: "unknown",
      status,
      message: { code: "unreadableBody", status },
    };
  }
  if (status === 429) return rateLimited(headers, body, now, defaultIntervalMs);
  const error = ApiErrorBody.safeParse(body);
  const data = error.success ? error.data : undefined;
  // The app's own server (it marks its answers; HubSpot cannot) is worded by kind, in the viewer's language.
  const proxyKind = headers.get(PROXY_ERROR_HEADER);
  const message: LeafMessage =
    proxyKind === null
      ? hubspotSaid(data?.message, { code: "answered", status })
      : { code: "proxy", kind: proxyKind, status };
  if (status === 423) {
    const waitMs = Math.max(MIN_LOCKED_WAIT_MS, retryAfterMs(headers, now) ?? 0);
    return { kind: "locked", waitMs, message };
  }
  if (status === 401 || status === 403) {
    const signedOut = signedOutAnswer(result);
    if (signedOut) return signedOut;
    const category =
      data?.category ??
      (status === 401 ? ERROR_CATEGORIES.invalidAuthentication : ERROR_CATEGORIES.missingScopes);
    return { kind: "stop-auth", status, category, message: authMessage(status, message) };
  }
  if (status >= 500) {
    const notForwarded = headers.get(NOT_FORWARDED_HEADER) !== null;
    if (notForwarded && (status === 502 || status === 503 || status === 504))
      return { kind: "resend", reason: "not-applied", message };
    return {
      kind: "unknown",
      status,
      message: { code: "afterSent", status, cause: message },
    };
  }
  return { kind: "rejected", status, body: data, category: data?.category ?? `HTTP_${status}`, message };
}

export const SIGNED_OUT_MESSAGE: SubmissionMessage = { code: "signedOut" };

/**
 * The proxy's own 401 for a session that is over: marked by `x-proxy-error: unauthenticated`, a header HubSpot
 * cannot set (the proxy drops `x-proxy-*` from upstream answers). HubSpot rejecting the token is a plain 401.
 */
export function signedOutAnswer(result: SendResult): Extract<Verdict, { kind: "signed-out" }> | undefined {
  if (result.kind !== "answered" || result.status !== 401) return undefined;
  if (result.headers.get(PROXY_ERROR_HEADER) !== SIGNED_OUT_PROXY_ERROR) return undefined;
  const signIn = result.headers.get(SIGN_IN_HEADER);
  // Only a path of this origin: the page builds a link from it.
  return signIn?.startsWith("/") && !signIn.startsWith("//")
    ? { kind: "signed-out", message: SIGNED_OUT_MESSAGE, signIn }
    : { kind: "signed-out", message: SIGNED_OUT_MESSAGE };
}

function rateLimited(headers: HeaderReader, body: unknown, now: number, defaultIntervalMs: number): Verdict {
  const parsed = RateLimitErrorBody.safeParse(body);
  const policy = parsed.success ? parsed.data.policyName : undefined;
  const message = hubspotSaid(parsed.success ? parsed.data.message : undefined, { code: "rateLimited" });
  if (policy === "DAILY") return { kind: "stop-daily", message: { code: "dailyLimit" } };
  const interval = Number(headers.get(RATE_LIMIT_HEADERS.intervalMs));
  const windowMs = Number.isFinite(interval) && interval > 0 ? interval : defaultIntervalMs;
  return { kind: "rate-limited", waitMs: retryAfterMs(headers, now) ?? windowMs, message };
}

/** `Retry-After` as seconds or an HTTP date; `undefined` when absent or unreadable. */
export function retryAfterMs(headers: HeaderReader, now: number): number | undefined {
  const value = headers.get("retry-after");
  if (value === null || value.trim() === "") return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function authMessage(status: 401 | 403, cause: LeafMessage): SubmissionMessage {
  return { code: status === 401 ? "token" : "scope", cause };
}
