import { z } from "zod";
import { AssociationSpec } from "./association-labels.ts";
import { StandardError } from "./errors.ts";
import { MAX_BATCH_INPUTS } from "./limits.ts";

export const BatchStatus = z.enum(["PENDING", "PROCESSING", "CANCELED", "COMPLETE"]);
export type BatchStatus = z.infer<typeof BatchStatus>;

export const AssociationInput = z.object({
  to: z.object({ id: z.string().min(1) }),
  types: z.array(AssociationSpec).min(1),
});
export type AssociationInput = z.infer<typeof AssociationInput>;

/** One quote to create. Every property value is a string on the wire (FACTS.md). */
export const QuoteCreateInput = z.object({
  properties: z.record(z.string(), z.string()),
  associations: z.array(AssociationInput),
  objectWriteTraceId: z.string().optional(),
});
export type QuoteCreateInput = z.infer<typeof QuoteCreateInput>;

export const BatchCreateRequest = z.object({
  inputs: z.array(QuoteCreateInput).min(1).max(MAX_BATCH_INPUTS),
});
export type BatchCreateRequest = z.infer<typeof BatchCreateRequest>;

/** A created object as the batch endpoints return it (`SimplePublicObject`). */
export const SimplePublicObject = z.looseObject({
  id: z.string(),
  properties: z.record(z.string(), z.string().nullable()),
  createdAt: z.string(),
  updatedAt: z.string(),
  archived: z.boolean().optional(),
  archivedAt: z.string().optional(),
  objectWriteTraceId: z.string().optional(),
  propertiesWithHistory: z.unknown().optional(),
});
export type SimplePublicObject = z.infer<typeof SimplePublicObject>;

/**
 * Every HubSpot batch answer: 201 and 207 share one shape (a 207 adds `numErrors` and `errors`); only the
 * type of `results` differs between endpoints.
 */
export function batchResponseOf<Result extends z.ZodType>(result: Result) {
  return z.looseObject({
    status: BatchStatus,
    results: z.array(result),
    numErrors: z.number().int().optional(),
    errors: z.array(StandardError).optional(),
    requestedAt: z.string().optional(),
    startedAt: z.string(),
    completedAt: z.string(),
    links: z.record(z.string(), z.string()).optional(),
  });
}

export const BatchResponse = batchResponseOf(SimplePublicObject);
export type BatchResponse = z.infer<typeof BatchResponse>;

/** The trace id a per-input error names, if any (`context.objectWriteTraceId[0]`). */
export function traceIdOfError(error: StandardError): string | undefined {
  return error.context?.objectWriteTraceId?.[0];
}
