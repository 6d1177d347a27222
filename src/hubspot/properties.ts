import { z } from "zod";

export const KNOWN_PROPERTY_TYPES = [
  "string",
  "number",
  "date",
  "datetime",
  "enumeration",
  "bool",
  "phone_number",
] as const;
export type KnownPropertyType = (typeof KNOWN_PROPERTY_TYPES)[number];

export const PropertyOption = z.looseObject({
  label: z.string(),
  value: z.string(),
  hidden: z.boolean().default(false),
  displayOrder: z.number().int().optional(),
  description: z.string().optional(),
});
export type PropertyOption = z.infer<typeof PropertyOption>;

export const PropertyModificationMetadata = z.looseObject({
  readOnlyValue: z.boolean(),
  readOnlyDefinition: z.boolean().optional(),
  archivable: z.boolean().optional(),
  readOnlyOptions: z.boolean().optional(),
});

/**
 * A property definition as `GET /crm/v3/properties/{objectType}` returns it.
 * `type` and `fieldType` are plain strings: HubSpot adds types over time and we must not reject them.
 */
export const Property = z.looseObject({
  name: z.string(),
  label: z.string(),
  type: z.string(),
  fieldType: z.string(),
  groupName: z.string(),
  description: z.string().default(""),
  options: z.array(PropertyOption).default([]),
  hidden: z.boolean().optional(),
  calculated: z.boolean().optional(),
  externalOptions: z.boolean().optional(),
  hasUniqueValue: z.boolean().optional(),
  hubspotDefined: z.boolean().optional(),
  formField: z.boolean().optional(),
  displayOrder: z.number().int().optional(),
  modificationMetadata: PropertyModificationMetadata.optional(),
});
export type Property = z.infer<typeof Property>;

export const PropertyList = z.looseObject({ results: z.array(Property) });
export type PropertyList = z.infer<typeof PropertyList>;

/** Read-only and calculated properties cannot be written by batch create. */
export function isWritable(property: Property): boolean {
  return property.modificationMetadata?.readOnlyValue !== true && property.calculated !== true;
}

export function isMultiSelect(property: Property): boolean {
  return property.type === "enumeration" && property.fieldType === "checkbox";
}
