import type { AssociationCategory } from "./association-labels.ts";

/** The CRM object types a quote is associated with in this product. */
export const ASSOCIATION_TARGET_TYPES = [
  "deals",
  "quote_template",
  "contacts",
  "companies",
  "line_items",
] as const;
export type AssociationTargetType = (typeof ASSOCIATION_TARGET_TYPES)[number];

export interface AssociationTarget {
  objectType: AssociationTargetType;
  /** Singular, for "Deal 123"; plural for column headers where several ids make sense. */
  singular: string;
  plural: string;
  /** The HUBSPOT_DEFINED quote → target type id used when the user picks no label. */
  defaultTypeId: number;
  /** The property that names a record of this type in lookups. */
  nameProperty: string;
  /** Extra properties a lookup searches and shows (email, domain). */
  secondaryProperty?: string;
}

export const ASSOCIATION_TARGETS: Record<AssociationTargetType, AssociationTarget> = {
  deals: {
    objectType: "deals",
    singular: "Deal",
    plural: "Deals",
    defaultTypeId: 64,
    nameProperty: "dealname",
  },
  quote_template: {
    objectType: "quote_template",
    singular: "Quote template",
    plural: "Quote templates",
    defaultTypeId: 286,
    nameProperty: "hs_name",
  },
  contacts: {
    objectType: "contacts",
    singular: "Contact",
    plural: "Contacts",
    defaultTypeId: 69,
    nameProperty: "fullname",
    secondaryProperty: "email",
  },
  companies: {
    objectType: "companies",
    singular: "Company",
    plural: "Companies",
    defaultTypeId: 71,
    nameProperty: "name",
    secondaryProperty: "domain",
  },
  line_items: {
    objectType: "line_items",
    singular: "Line item",
    plural: "Line items",
    defaultTypeId: 67,
    nameProperty: "name",
  },
};

export interface KnownAssociationType {
  toObjectType: AssociationTargetType;
  category: AssociationCategory;
  typeId: number;
  label: string;
}

/** HUBSPOT_DEFINED quote → target type ids (FACTS.md). USER_DEFINED ones come from the labels endpoint. */
export const HUBSPOT_DEFINED_QUOTE_ASSOCIATIONS: readonly KnownAssociationType[] = [
  { toObjectType: "deals", category: "HUBSPOT_DEFINED", typeId: 64, label: "Deal" },
  { toObjectType: "line_items", category: "HUBSPOT_DEFINED", typeId: 67, label: "Line item" },
  { toObjectType: "quote_template", category: "HUBSPOT_DEFINED", typeId: 286, label: "Quote template" },
  { toObjectType: "contacts", category: "HUBSPOT_DEFINED", typeId: 69, label: "Contact" },
  { toObjectType: "companies", category: "HUBSPOT_DEFINED", typeId: 71, label: "Company" },
  { toObjectType: "contacts", category: "HUBSPOT_DEFINED", typeId: 702, label: "Signer" },
  { toObjectType: "contacts", category: "HUBSPOT_DEFINED", typeId: 1226, label: "Billing contact" },
  { toObjectType: "companies", category: "HUBSPOT_DEFINED", typeId: 1334, label: "Billing company" },
];

/** HubSpot's object type id of quotes. */
export const QUOTE_OBJECT_TYPE_ID = "0-14";
