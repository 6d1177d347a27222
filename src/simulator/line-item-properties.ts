import { LINE_ITEM_UNIQUE_PROPERTY } from "../hubspot/line-items.ts";
import type { PropertySpec } from "./property-spec.ts";

/** HubSpot's own line-item properties the product uses; `amount` and `hs_total_discount` are calculated. */
export function hubspotLineItemProperties(
  currencies: readonly (readonly [string, string])[],
): PropertySpec[] {
  return [
    { name: "name", label: "Name", type: "string", fieldType: "text", description: "The line item's name." },
    {
      name: "hs_product_id",
      label: "Product ID",
      type: "string",
      fieldType: "text",
      description: "The product library item this line item copies its name and price from.",
    },
    {
      name: "quantity",
      label: "Quantity",
      type: "number",
      fieldType: "number",
      description: "How many units; more than 0.",
    },
    {
      name: "price",
      label: "Unit price",
      type: "number",
      fieldType: "number",
      description: "The price of one unit; 0 or more. Defaults to the product's price.",
    },
    {
      name: "discount",
      label: "Discount (%)",
      type: "number",
      fieldType: "number",
      description: "A discount on the line, as a percentage from 0 to 100.",
    },
    {
      name: "hs_discount_percentage",
      label: "Discount percentage",
      type: "number",
      fieldType: "number",
      description: "The discount as a percentage from 0 to 100 (read when discount is empty).",
    },
    {
      name: "hs_position_on_quote",
      label: "Position on quote",
      type: "number",
      fieldType: "number",
      description: "Where the line appears on the quote, from 0.",
    },
    {
      name: "hs_line_item_currency_code",
      label: "Currency",
      type: "enumeration",
      fieldType: "select",
      description: "The line item's currency; it should match its quote's.",
      options: currencies,
    },
    {
      name: "hs_tax_rate_group_id",
      label: "Tax rate",
      type: "string",
      fieldType: "text",
      description: "The tax rate group applied to the line.",
    },
    {
      name: "hs_recurring_billing_period",
      label: "Term",
      type: "string",
      fieldType: "text",
      description: "How long a recurring line bills for, as an ISO 8601 period such as P12M.",
    },
    {
      name: "recurringbillingfrequency",
      label: "Billing frequency",
      type: "enumeration",
      fieldType: "select",
      description: "How often a recurring line is billed.",
      options: [
        ["monthly", "Monthly"],
        ["quarterly", "Quarterly"],
        ["annually", "Annually"],
      ],
    },
    {
      name: "description",
      label: "Description",
      type: "string",
      fieldType: "textarea",
      description: "A description shown on the quote.",
    },
    { name: "hs_sku", label: "SKU", type: "string", fieldType: "text", description: "The product's SKU." },
    {
      name: "amount",
      label: "Net price",
      type: "number",
      fieldType: "number",
      description: "Quantity × unit price, less the discount. Calculated by HubSpot.",
      calculated: true,
    },
    {
      name: "hs_total_discount",
      label: "Total discount",
      type: "number",
      fieldType: "number",
      description: "The discount of the whole line. Calculated by HubSpot.",
      calculated: true,
    },
    ...READ_ONLY_STAMPS,
  ];
}

export const READ_ONLY_STAMPS: readonly PropertySpec[] = [
  {
    name: "createdate",
    label: "Create date",
    type: "datetime",
    fieldType: "date",
    description: "When the record was created.",
    readOnly: true,
  },
  {
    name: "hs_lastmodifieddate",
    label: "Last modified date",
    type: "datetime",
    fieldType: "date",
    description: "When the record was last changed.",
    readOnly: true,
  },
  {
    name: "hs_object_id",
    label: "Record ID",
    type: "number",
    fieldType: "number",
    description: "The unique ID of this record.",
    readOnly: true,
  },
];

/** The portal's own line-item properties: the unique key for reconciling, and one ordinary custom field. */
export const CUSTOM_LINE_ITEM_PROPERTIES: readonly PropertySpec[] = [
  {
    name: LINE_ITEM_UNIQUE_PROPERTY,
    label: "Batch line key",
    type: "string",
    fieldType: "text",
    description: "Set by Quote Batch Composer to find the line items a batch created. Must be unique.",
    hasUniqueValue: true,
  },
  {
    name: "cost_center",
    label: "Cost center",
    type: "string",
    fieldType: "text",
    description: "The cost center the line is booked to.",
  },
];
