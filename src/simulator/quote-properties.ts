import type { Property, PropertyOption } from "../hubspot/properties.ts";

/**
 * The quote property definitions the simulator serves and validates against: HubSpot's own quote
 * properties (writable, read-only, calculated, hidden) plus a custom group that covers every
 * type × fieldType combination, and one unique-value property for reconciling unknown outcomes.
 */

export const UNIQUE_PROPERTY_NAME = "batch_row_key";
export const REQUIRED_QUOTE_PROPERTIES = ["hs_title", "hs_expiration_date"] as const;

const DEFINED_AT = "2019-08-06T02:43:01.484Z";
const CUSTOM_AT = "2025-03-14T09:26:53.589Z";

interface Spec {
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

function options(pairs: Spec["options"]): PropertyOption[] {
  return (pairs ?? []).map(([value, label], displayOrder) => ({ label, value, hidden: false, displayOrder }));
}

const BOOL_OPTIONS = [
  ["true", "Yes"],
  ["false", "No"],
] as const;

function define(spec: Spec, displayOrder: number): Property {
  const custom = spec.custom === true;
  return {
    name: spec.name,
    label: spec.label,
    type: spec.type,
    fieldType: spec.fieldType,
    groupName: spec.groupName ?? (custom ? "quote_custom" : "quoteinformation"),
    description: spec.description,
    options: options(spec.type === "bool" ? BOOL_OPTIONS : spec.options),
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

const HUBSPOT_DEFINED: readonly Spec[] = [
  {
    name: "hs_title",
    label: "Quote name",
    type: "string",
    fieldType: "text",
    description: "The name of the quote.",
  },
  {
    name: "hs_expiration_date",
    label: "Quote expiration date",
    type: "date",
    fieldType: "date",
    description: "The date the quote expires and can no longer be signed or paid.",
  },
  {
    name: "hs_status",
    label: "Quote approval status",
    type: "enumeration",
    fieldType: "select",
    description: "The approval status of the quote. Use Draft for a quote that can still be edited.",
    options: [
      ["DRAFT", "Draft"],
      ["APPROVAL_NOT_NEEDED", "Approval not needed"],
      ["PENDING_APPROVAL", "Pending approval"],
      ["APPROVED", "Approved"],
      ["REJECTED", "Rejected"],
    ],
  },
  {
    name: "hs_currency",
    label: "Currency",
    type: "enumeration",
    fieldType: "select",
    description: "The currency of the quote's line items and totals.",
    options: [
      ["USD", "US Dollar"],
      ["EUR", "Euro"],
      ["GBP", "British Pound"],
      ["CAD", "Canadian Dollar"],
      ["AUD", "Australian Dollar"],
    ],
  },
  {
    name: "hs_language",
    label: "Language",
    type: "enumeration",
    fieldType: "select",
    description: "The language the quote is shown in.",
    options: [
      ["en", "English"],
      ["fr", "French"],
      ["de", "German"],
      ["es", "Spanish"],
      ["nl", "Dutch"],
      ["pt-br", "Portuguese (Brazil)"],
      ["ja", "Japanese"],
    ],
  },
  {
    name: "hs_locale",
    label: "Locale",
    type: "enumeration",
    fieldType: "select",
    description: "How dates, numbers and currencies are formatted on the quote.",
    options: [
      ["en-us", "English - United States"],
      ["en-gb", "English - United Kingdom"],
      ["fr-fr", "French - France"],
      ["de-de", "German - Germany"],
      ["es-es", "Spanish - Spain"],
      ["nl-nl", "Dutch - Netherlands"],
    ],
  },
  {
    name: "hs_comments",
    label: "Comments to buyer",
    type: "string",
    fieldType: "textarea",
    description: "Comments shown to the buyer on the quote.",
  },
  {
    name: "hs_terms",
    label: "Purchase terms",
    type: "string",
    fieldType: "textarea",
    description: "The terms of purchase shown on the quote.",
  },
  {
    name: "hs_esign_enabled",
    label: "Enable e-signatures",
    type: "bool",
    fieldType: "booleancheckbox",
    description: "Whether the buyer signs the quote electronically.",
  },
  {
    name: "hs_payment_enabled",
    label: "Enable payments",
    type: "bool",
    fieldType: "booleancheckbox",
    description: "Whether the buyer can pay on the quote.",
  },
  {
    name: "hs_allowed_payment_methods",
    label: "Allowed payment methods",
    type: "enumeration",
    fieldType: "checkbox",
    description: "The payment methods the buyer may use.",
    options: [
      ["CARD", "Credit or debit card"],
      ["ACH", "ACH bank transfer"],
      ["SEPA", "SEPA direct debit"],
    ],
  },
  {
    name: "hs_template_type",
    label: "Quote template type",
    type: "enumeration",
    fieldType: "select",
    description: "Whether the quote uses a customizable or a legacy template.",
    options: [
      ["CUSTOMIZABLE_QUOTE_TEMPLATE", "Customizable quote template"],
      ["LEGACY_QUOTE_TEMPLATE", "Legacy quote template"],
    ],
  },
  {
    name: "hubspot_owner_id",
    label: "Quote owner",
    type: "enumeration",
    fieldType: "select",
    description: "The user who owns the quote.",
    externalOptions: true,
    referencedObjectType: "OWNER",
    options: [
      ["71843215", "Jordan Alvarez"],
      ["71843216", "Priya Natarajan"],
      ["71843217", "Sam O'Connell"],
    ],
  },
  {
    name: "hs_sender_firstname",
    label: "Sender first name",
    type: "string",
    fieldType: "text",
    description: "The first name of the quote's sender.",
  },
  {
    name: "hs_sender_lastname",
    label: "Sender last name",
    type: "string",
    fieldType: "text",
    description: "The last name of the quote's sender.",
  },
  {
    name: "hs_sender_email",
    label: "Sender email",
    type: "string",
    fieldType: "text",
    description: "The email address of the quote's sender.",
  },
  {
    name: "hs_sender_company_name",
    label: "Sender company name",
    type: "string",
    fieldType: "text",
    description: "The company name shown as the sender.",
  },
  {
    name: "hs_sender_phone",
    label: "Sender phone number",
    type: "phone_number",
    fieldType: "phonenumber",
    description: "The sender's phone number.",
  },
  {
    name: "hs_quote_amount",
    label: "Quote amount",
    type: "number",
    fieldType: "number",
    description: "The total of the quote's line items, calculated by HubSpot.",
    calculated: true,
  },
  {
    name: "hs_quote_link",
    label: "Quote link",
    type: "string",
    fieldType: "text",
    description: "The public link to the published quote.",
    readOnly: true,
  },
  {
    name: "hs_quote_number",
    label: "Quote number",
    type: "string",
    fieldType: "text",
    description: "A number HubSpot assigns to the quote.",
    readOnly: true,
  },
  {
    name: "hs_pdf_download_link",
    label: "PDF download link",
    type: "string",
    fieldType: "text",
    description: "A link to the quote's PDF.",
    readOnly: true,
  },
  {
    name: "hs_createdate",
    label: "Create date",
    type: "datetime",
    fieldType: "date",
    description: "When the quote was created.",
    readOnly: true,
  },
  {
    name: "hs_lastmodifieddate",
    label: "Last modified date",
    type: "datetime",
    fieldType: "date",
    description: "When the quote was last changed.",
    readOnly: true,
  },
  {
    name: "hs_object_id",
    label: "Record ID",
    type: "number",
    fieldType: "number",
    description: "The unique ID of this quote.",
    readOnly: true,
  },
  {
    name: "hs_public_url_key",
    label: "Public URL key",
    type: "string",
    fieldType: "text",
    description: "The key of the quote's public page.",
    readOnly: true,
    hidden: true,
  },
  {
    name: "hs_quote_source_app",
    label: "Source app",
    type: "string",
    fieldType: "text",
    description: "The integration that created the quote.",
    hidden: true,
  },
];

const CUSTOM: readonly Spec[] = [
  {
    name: UNIQUE_PROPERTY_NAME,
    label: "Batch row key",
    type: "string",
    fieldType: "text",
    description: "Set by Quote Batch Composer to find the quotes a batch created. Must be unique.",
    hasUniqueValue: true,
  },
  {
    name: "contract_term_months",
    label: "Contract term (months)",
    type: "number",
    fieldType: "number",
    description: "How many months the contract runs.",
  },
  {
    name: "discount_approved",
    label: "Discount approved",
    type: "bool",
    fieldType: "booleancheckbox",
    description: "Whether a manager approved the discount on this quote.",
  },
  {
    name: "billing_frequency",
    label: "Billing frequency",
    type: "enumeration",
    fieldType: "radio",
    description: "How often the customer is invoiced.",
    options: [
      ["monthly", "Monthly"],
      ["quarterly", "Quarterly"],
      ["annually", "Annually"],
    ],
  },
  {
    name: "sales_region",
    label: "Sales region",
    type: "enumeration",
    fieldType: "select",
    description: "The region whose team owns the deal.",
    options: [
      ["north_america", "North America"],
      ["emea", "Europe, Middle East & Africa"],
      ["apac", "Asia Pacific"],
      ["latam", "Latin America"],
    ],
  },
  {
    name: "included_modules",
    label: "Included modules",
    type: "enumeration",
    fieldType: "checkbox",
    description: "The product modules this quote includes. Pick any number.",
    options: [
      ["analytics", "Analytics"],
      ["automation", "Automation"],
      ["api_access", "API access"],
      ["premium_support", "Premium support"],
      ["sso", "Single sign-on"],
    ],
  },
  {
    name: "go_live_date",
    label: "Go-live date",
    type: "date",
    fieldType: "date",
    description: "When the customer plans to go live.",
  },
  {
    name: "procurement_deadline",
    label: "Procurement deadline",
    type: "datetime",
    fieldType: "date",
    description: "The date and time the customer's procurement needs the signed quote by.",
  },
  {
    name: "customer_po_number",
    label: "Customer PO number",
    type: "string",
    fieldType: "text",
    description: "The customer's purchase order number.",
  },
  {
    name: "internal_notes",
    label: "Internal notes",
    type: "string",
    fieldType: "textarea",
    description: "Notes for your team; not shown to the buyer.",
  },
];

export const QUOTE_PROPERTIES: readonly Property[] = [
  ...HUBSPOT_DEFINED.map((spec, i) => define(spec, i)),
  ...CUSTOM.map((spec, i) => define({ ...spec, custom: true }, i + 1)),
];

export const QUOTE_PROPERTIES_BY_NAME: ReadonlyMap<string, Property> = new Map(
  QUOTE_PROPERTIES.map((property) => [property.name, property]),
);
