import { ASSOCIATION_TARGETS, HUBSPOT_DEFINED_QUOTE_ASSOCIATIONS } from "../hubspot/association-catalogue.ts";
import type { AssociationCategory, AssociationLabel } from "../hubspot/association-labels.ts";
import type { CrmObjectType } from "./crm-data.ts";

export interface SimAssociationType {
  toObjectType: CrmObjectType;
  category: AssociationCategory;
  typeId: number;
  /** `null` for the primary, unlabeled type, as HubSpot lists it. */
  label: string | null;
}

/** Labels the portal's admins made (USER_DEFINED), beside HubSpot's own types. */
const USER_DEFINED: readonly SimAssociationType[] = [
  { toObjectType: "contacts", category: "USER_DEFINED", typeId: 1001, label: "Decision maker" },
  { toObjectType: "companies", category: "USER_DEFINED", typeId: 1002, label: "Reseller" },
  { toObjectType: "deals", category: "USER_DEFINED", typeId: 1003, label: "Renewal" },
];

export const QUOTE_ASSOCIATION_TYPES: readonly SimAssociationType[] = [
  ...HUBSPOT_DEFINED_QUOTE_ASSOCIATIONS.map((known) => ({
    toObjectType: known.toObjectType,
    category: known.category,
    typeId: known.typeId,
    label: ASSOCIATION_TARGETS[known.toObjectType].defaultTypeId === known.typeId ? null : known.label,
  })),
  ...USER_DEFINED,
];

/** Path segment (name, plural alias, or object type id) → the type the simulator knows. */
const TARGET_ALIASES: Record<string, CrmObjectType> = {
  deals: "deals",
  deal: "deals",
  "0-3": "deals",
  contacts: "contacts",
  contact: "contacts",
  "0-1": "contacts",
  companies: "companies",
  company: "companies",
  "0-2": "companies",
  line_items: "line_items",
  line_item: "line_items",
  "0-8": "line_items",
  quote_template: "quote_template",
  quote_templates: "quote_template",
  products: "products",
  product: "products",
  "0-7": "products",
};

export function resolveTargetType(segment: string): CrmObjectType | undefined {
  return Object.hasOwn(TARGET_ALIASES, segment) ? TARGET_ALIASES[segment] : undefined;
}

export function labelsFor(toObjectType: CrmObjectType): AssociationLabel[] {
  return QUOTE_ASSOCIATION_TYPES.filter((type) => type.toObjectType === toObjectType).map((type) => ({
    category: type.category,
    typeId: type.typeId,
    label: type.label,
  }));
}

export function findAssociationType(typeId: number): SimAssociationType | undefined {
  return QUOTE_ASSOCIATION_TYPES.find((type) => type.typeId === typeId);
}

export const OBJECT_TYPE_NAMES: Record<CrmObjectType, string> = {
  deals: "deal",
  contacts: "contact",
  companies: "company",
  line_items: "line item",
  quote_template: "quote template",
  products: "product",
};

const ANY_TYPE_NAMES: Record<string, string> = { ...OBJECT_TYPE_NAMES, quotes: "quote" };

/** "deal", "quote", … for messages; any type the simulator stores. */
export function objectTypeName(type: string): string {
  return ANY_TYPE_NAMES[type] ?? type;
}
