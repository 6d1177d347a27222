import { z } from "zod";
import { MAX_BATCH_INPUTS } from "./limits.ts";

/** One object to change (`SimplePublicObjectBatchInput`): by record id, or by a unique-value property. */
export const BatchUpdateInput = z.object({
  id: z.string().min(1),
  properties: z.record(z.string(), z.string()),
  idProperty: z.string().optional(),
  objectWriteTraceId: z.string().optional(),
});
export type BatchUpdateInput = z.infer<typeof BatchUpdateInput>;

/** `POST /crm/v3/objects/{type}/batch/update` (quotes: publishing sets `hs_status`). */
export const BatchUpdateRequest = z.object({
  inputs: z.array(BatchUpdateInput).min(1).max(MAX_BATCH_INPUTS),
});
export type BatchUpdateRequest = z.infer<typeof BatchUpdateRequest>;
