import { z } from "zod";
import { MAX_BATCH_INPUTS } from "./limits.ts";

/**
 * `POST /crm/v3/objects/{type}/batch/archive` (`BatchInputSimplePublicObjectId`). HubSpot answers 204 with no
 * body, also for ids that do not exist (archiving is idempotent).
 */
export const BatchArchiveRequest = z.object({
  inputs: z
    .array(z.object({ id: z.string().min(1) }))
    .min(1)
    .max(MAX_BATCH_INPUTS),
});
export type BatchArchiveRequest = z.infer<typeof BatchArchiveRequest>;
