import type { Property, PropertyOption } from "../hubspot/properties.ts";

/** A compact way to write property definitions; `defineProperty` fills in what HubSpot adds. */

const DEFINED_AT = "2019-08-06T02:43:01.484Z";
const CUSTOM_AT = "2025-03-14T09:26:53.589Z";

export interface PropertySpec {
  name: string;
  label: string;
  type: string;
  fieldType: string;
  description: string;
  groupName?: string;
  options?: readonly (readonly [value: string, label: string])[];
  readOnly?: boolean;
  calculated?: boolean;
  hidden?: boolean;
  hasUniqueValue?: boolean;
  externalOptions?: boolean;
  referencedObjectType?: string;
  custom?: boolean;
}

function options(pairs: PropertySpec["options"]): PropertyOption[] {
  return (pairs ?? []).map(([value, label], displayOrder) => ({ label, value, hidden: false, displayOrder }));
}

const BOOL_OPTIONS = [
  ["true", "Yes"],
  ["false", "No"],
] as const;

export function defineProperty(spec: PropertySpec, displayOrder: number): Property {
  const custom = spec.custom === true;
  return {
    name: spec.name,
    label: spec.label,
    type: spec.type,
    fieldType: spec.fieldType,
    groupName: spec.groupName ?? (custom ? "quote_custom" : "quoteinformation"),
    description: spec.description,
    options: options(spec.type === "bool" ? (spec.options ?? BOOL_OPTIONS) : spec.options),
    displayOrder: custom ? displayOrder : -1,
    hidden: spec.hidden === true,
    calculated: spec.calculated === true,
    externalOptions: spec.externalOptions === true,
    hasUniqueValue: spec.hasUniqueValue === true,
    hubspotDefined: !custom,
    formField: custom,
    createdAt: custom ? CUSTOM_AT : DEFINED_AT,
    updatedAt: custom ? CUSTOM_AT : DEFINED_AT,
    ...(spec.referencedObjectType ? { referencedObjectType: spec.referencedObjectType } : {}),
    modificationMetadata: {
      archivable: custom,
      readOnlyDefinition: !custom,
      readOnlyValue: spec.readOnly === true || spec.calculated === true,
    },
  };
}
