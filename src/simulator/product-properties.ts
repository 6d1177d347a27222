import { READ_ONLY_STAMPS } from "./line-item-properties.ts";
import type { PropertySpec } from "./property-spec.ts";

/** The product library's properties; `hs_price_<currency>` per portal currency (naming unconfirmed). */
export function hubspotProductProperties(currencies: readonly string[]): PropertySpec[] {
  return [
    { name: "name", label: "Name", type: "string", fieldType: "text", description: "The product's name." },
    { name: "hs_sku", label: "SKU", type: "string", fieldType: "text", description: "The product's SKU." },
    {
      name: "price",
      label: "Unit price",
      type: "number",
      fieldType: "number",
      description: "The price of one unit in the company currency.",
    },
    ...currencies.map(
      (code): PropertySpec => ({
        name: `hs_price_${code.toLowerCase()}`,
        label: `Unit price (${code})`,
        type: "number",
        fieldType: "number",
        description: `The price of one unit in ${code}.`,
      }),
    ),
    {
      name: "description",
      label: "Description",
      type: "string",
      fieldType: "textarea",
      description: "What the product is.",
    },
    {
      name: "hs_recurring_billing_period",
      label: "Term",
      type: "string",
      fieldType: "text",
      description:
        "How long a recurring product bills for (ISO 8601, e.g. P12M); empty for one-time products.",
    },
    {
      name: "recurringbillingfrequency",
      label: "Billing frequency",
      type: "enumeration",
      fieldType: "select",
      description: "How often a recurring product is billed.",
      options: [
        ["monthly", "Monthly"],
        ["quarterly", "Quarterly"],
        ["annually", "Annually"],
      ],
    },
    {
      name: "hs_product_type",
      label: "Product type",
      type: "enumeration",
      fieldType: "select",
      description: "Inventory, non-inventory or service.",
      options: [
        ["inventory", "Inventory"],
        ["non_inventory", "Non-inventory"],
        ["service", "Service"],
      ],
    },
    ...READ_ONLY_STAMPS,
  ];
}
