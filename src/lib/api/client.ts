import type { z } from "zod";
import { PROXY_PREFIX } from "../../hubspot/endpoints.ts";
import { ApiErrorBody } from "../../hubspot/errors.ts";
import { ApiError } from "./api-error.ts";

export interface RawResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON, or `undefined` for an empty or non-JSON body. */
  json: unknown;
}

export interface RequestOptions {
  method?: "GET" | "POST" | "PUT";
  body?: unknown;
  signal?: AbortSignal;
  /** Which submission and request a CRM write belongs to: the server's journal records both. */
  correlation?: { submissionId: string; requestId: string };
}

/** COMMON.md contract 4: sent on every write through `/api/hubspot/...`. */
export const SUBMISSION_ID_HEADER = "X-QBC-Submission-Id";
export const REQUEST_ID_HEADER = "X-QBC-Request-Id";

function headersFor(options: RequestOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (options.correlation) {
    headers[SUBMISSION_ID_HEADER] = options.correlation.submissionId;
    headers[REQUEST_ID_HEADER] = options.correlation.requestId;
  }
  const token = (options.method ?? "GET") === "GET" ? undefined : csrfToken();
  if (token) headers[CSRF_HEADER] = token;
  return headers;
}

/** The header the server checks on every write when sign-in is on (see `src/server/auth/api-guard.ts`). */
export const CSRF_HEADER = "X-QBC-CSRF";

/**
 * The page's CSRF token: the server sets it as a readable cookie (`__Host-` prefixed under https). Another
 * origin cannot read it, so it cannot send it: that is the whole protection.
 */
export function csrfToken(
  cookies: string = typeof document === "undefined" ? "" : document.cookie,
): string | undefined {
  for (const part of cookies.split(";")) {
    const [name = "", ...rest] = part.trim().split("=");
    if (name === "__Host-qbc_csrf" || name === "qbc_csrf") return decodeURIComponent(rest.join("="));
  }
  return undefined;
}

/** Sends a request to the proxy and returns the raw answer; throws only when no answer came. */
export async function sendRaw(path: string, options: RequestOptions = {}): Promise<RawResponse> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? "GET",
      headers: headersFor(options),
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (options.signal?.aborted) throw cause;
    throw new ApiError("network", "The app's server could not be reached.");
  }
  const text = await response.text().catch(() => "");
  let json: unknown;
  try {
    json = text === "" ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, json };
}

/** GET or POST `/api/hubspot<path>` and parse a 2xx answer with `schema`; anything else throws `ApiError`. */
export async function requestHubspot<S extends z.ZodType>(
  hubspotPath: string,
  schema: S,
  options: RequestOptions = {},
): Promise<z.infer<S>> {
  return requestJson(`${PROXY_PREFIX}${hubspotPath}`, schema, options);
}

export async function requestJson<S extends z.ZodType>(
  path: string,
  schema: S,
  options: RequestOptions = {},
): Promise<z.infer<S>> {
  const raw = await sendRaw(path, options);
  if (raw.status < 200 || raw.status >= 300) throw toHttpError(raw);
  const parsed = schema.safeParse(raw.json);
  if (!parsed.success) {
    throw new ApiError(
      "contract",
      `Unexpected answer from ${path}: ${parsed.error.issues[0]?.message ?? "bad shape"}`,
      raw.status,
    );
  }
  return parsed.data;
}

export function toHttpError(raw: RawResponse): ApiError {
  const body = ApiErrorBody.safeParse(raw.json);
  const data = body.success ? body.data : undefined;
  const message = data?.message ?? `The server answered ${raw.status}.`;
  return new ApiError("http", message, raw.status, data, raw.headers);
}
