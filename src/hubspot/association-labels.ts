import { z } from "zod";

export const AssociationCategory = z.enum(["HUBSPOT_DEFINED", "USER_DEFINED", "INTEGRATOR_DEFINED", "WORK"]);
export type AssociationCategory = z.infer<typeof AssociationCategory>;

/** One association type as sent in a create input and as listed by the labels endpoint. */
export const AssociationSpec = z.object({
  associationCategory: AssociationCategory,
  associationTypeId: z.number().int(),
});
export type AssociationSpec = z.infer<typeof AssociationSpec>;

export const AssociationLabel = z.looseObject({
  category: AssociationCategory,
  typeId: z.number().int(),
  label: z.string().nullable().optional(),
});
export type AssociationLabel = z.infer<typeof AssociationLabel>;

/** `GET /crm/v4/associations/quotes/{toObjectType}/labels` */
export const AssociationLabelList = z.looseObject({ results: z.array(AssociationLabel) });
export type AssociationLabelList = z.infer<typeof AssociationLabelList>;
