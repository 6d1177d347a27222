import type { ApiErrorBody, RateLimitErrorBody } from "../hubspot/errors.ts";

/** Headers every simulator response carries, as HubSpot's do. */
export type HeaderBag = Record<string, string>;

export function jsonResponse(status: number, body: unknown, headers: HeaderBag = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json;charset=utf-8", ...headers },
  });
}

export interface ErrorOptions {
  context?: Record<string, string[]>;
  subCategory?: string;
  errors?: { message: string; code?: string; context?: Record<string, string[]> }[];
}

/** HubSpot's `Error` body for non-batch failures. */
export function errorBody(
  correlationId: string,
  category: string,
  message: string,
  options: ErrorOptions = {},
): ApiErrorBody {
  return {
    status: "error",
    message,
    correlationId,
    category,
    ...(options.subCategory ? { subCategory: options.subCategory } : {}),
    ...(options.context ? { context: options.context } : {}),
    ...(options.errors ? { errors: options.errors } : {}),
    links: {},
  };
}

export function errorResponse(
  status: number,
  correlationId: string,
  category: string,
  message: string,
  options: ErrorOptions = {},
  headers: HeaderBag = {},
): Response {
  return jsonResponse(status, errorBody(correlationId, category, message, options), {
    "x-hubspot-correlation-id": correlationId,
    ...headers,
  });
}

export type RateLimitPolicyName = "TEN_SECONDLY_ROLLING" | "DAILY" | "SECONDLY";

const POLICY_MESSAGES: Record<RateLimitPolicyName, string> = {
  TEN_SECONDLY_ROLLING: "You have reached your ten_secondly_rolling limit.",
  DAILY: "You have reached your daily limit.",
  SECONDLY: "You have reached your secondly limit.",
};

export function rateLimitBody(correlationId: string, policyName: RateLimitPolicyName): RateLimitErrorBody {
  return {
    status: "error",
    message: POLICY_MESSAGES[policyName],
    errorType: "RATE_LIMIT",
    correlationId,
    policyName,
    groupName: policyName === "SECONDLY" ? "search" : "publicapi:private-app",
  };
}

/** ISO 8601 with milliseconds, as HubSpot writes timestamps. */
export function isoAt(ms: number): string {
  return new Date(ms).toISOString();
}
