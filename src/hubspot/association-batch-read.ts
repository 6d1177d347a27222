import { z } from "zod";
import { AssociationCategory } from "./association-labels.ts";
import { batchResponseOf } from "./batch-create.ts";

/**
 * `POST /crm/v4/associations/{from}/{to}/batch/read`: the records associated with each input. Not in the
 * OpenAPI files this repository holds; shaped after HubSpot's v4 associations spec
 * (`BatchInputPublicFetchAssociationsBatchRequest` → `BatchResponsePublicAssociationMultiWithLabel`).
 */
export const MAX_ASSOCIATION_READ_INPUTS = 1000;

export const AssociationBatchReadRequest = z.object({
  inputs: z
    .array(z.object({ id: z.string().min(1), after: z.string().optional() }))
    .min(1)
    .max(MAX_ASSOCIATION_READ_INPUTS),
});
export type AssociationBatchReadRequest = z.infer<typeof AssociationBatchReadRequest>;

/** The spec types `toObjectId` as an int64; tolerate a string too, and read it as a string id. */
const ObjectId = z.union([z.number().int(), z.string()]).transform(String);

export const AssociatedRecord = z.looseObject({
  toObjectId: ObjectId,
  associationTypes: z.array(
    z.looseObject({
      category: AssociationCategory,
      typeId: z.number().int(),
      label: z.string().nullable().optional(),
    }),
  ),
});

export const AssociationsOfRecord = z.looseObject({
  from: z.looseObject({ id: z.string() }),
  to: z.array(AssociatedRecord),
  paging: z.unknown().optional(),
});
export type AssociationsOfRecord = z.infer<typeof AssociationsOfRecord>;

export const AssociationBatchReadResponse = batchResponseOf(AssociationsOfRecord);
export type AssociationBatchReadResponse = z.infer<typeof AssociationBatchReadResponse>;
