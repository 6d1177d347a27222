import { z } from "zod";

/** One detail inside an error. Every field optional: HubSpot is not consistent here. */
export const ErrorDetail = z.looseObject({
  message: z.string().optional(),
  code: z.string().optional(),
  subCategory: z.string().optional(),
  in: z.string().optional(),
  context: z.record(z.string(), z.array(z.string())).optional(),
});
export type ErrorDetail = z.infer<typeof ErrorDetail>;

/** A per-input error inside a 207 batch response (`StandardError`). */
export const StandardError = z.looseObject({
  status: z.string().optional(),
  id: z.string().optional(),
  category: z.string().optional(),
  subCategory: z.unknown().optional(),
  message: z.string().optional(),
  errors: z.array(ErrorDetail).optional(),
  context: z.record(z.string(), z.array(z.string())).optional(),
  links: z.record(z.string(), z.string()).optional(),
});
export type StandardError = z.infer<typeof StandardError>;

/** The body of a non-batch error (4xx/5xx), HubSpot's `Error`. */
export const ApiErrorBody = z.looseObject({
  status: z.string().optional(),
  category: z.string().optional(),
  correlationId: z.string().optional(),
  message: z.string().optional(),
  subCategory: z.string().optional(),
  errors: z.array(ErrorDetail).optional(),
  context: z.record(z.string(), z.array(z.string())).optional(),
  links: z.record(z.string(), z.string()).optional(),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;

export const RateLimitPolicy = z.enum(["TEN_SECONDLY_ROLLING", "DAILY", "SECONDLY"]);
export type RateLimitPolicy = z.infer<typeof RateLimitPolicy>;

/** The body of a 429. `policyName` tells a short wait from a stop-for-today. */
export const RateLimitErrorBody = z.looseObject({
  status: z.literal("error"),
  message: z.string(),
  errorType: z.literal("RATE_LIMIT"),
  correlationId: z.string(),
  policyName: z.union([RateLimitPolicy, z.string()]),
  groupName: z.string().optional(),
});
export type RateLimitErrorBody = z.infer<typeof RateLimitErrorBody>;

export const ERROR_CATEGORIES = {
  validation: "VALIDATION_ERROR",
  objectNotFound: "OBJECT_NOT_FOUND",
  invalidAuthentication: "INVALID_AUTHENTICATION",
  missingScopes: "MISSING_SCOPES",
  rateLimits: "RATE_LIMITS",
  conflict: "CONFLICT",
  locked: "LOCKED",
} as const;
