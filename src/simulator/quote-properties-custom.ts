import type { PropertySpec } from "./property-spec.ts";

export const UNIQUE_PROPERTY_NAME = "batch_row_key";

/** The portal's own quote properties (group `quote_custom`): every type × fieldType, and a unique-value one. */
export const CUSTOM_QUOTE_PROPERTIES: readonly PropertySpec[] = [
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
