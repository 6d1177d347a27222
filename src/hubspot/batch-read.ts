import { z } from "zod";

/** `POST /crm/v3/objects/quotes/batch/read`, by record id or by a unique-value property. */
export const BatchReadRequest = z.object({
  inputs: z
    .array(z.object({ id: z.string() }))
    .min(1)
    .max(100),
  properties: z.array(z.string()).default([]),
  propertiesWithHistory: z.array(z.string()).default([]),
  idProperty: z.string().optional(),
});
export type BatchReadRequest = z.infer<typeof BatchReadRequest>;
