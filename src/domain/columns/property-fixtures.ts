import { Property } from "../../hubspot/properties.ts";

/** Quote property definitions shaped like HubSpot's, for tests and benches (parsed, so defaults apply). */
export function property(fields: Partial<Property> & { name: string }): Property {
  return Property.parse({
    label: fields.name,
    type: "string",
    fieldType: "text",
    groupName: "quote",
    ...fields,
  });
}

const options = (values: string[]) =>
  values.map((value) => ({ label: value.toLowerCase(), value, hidden: false }));

export const QUOTE_PROPERTIES: Property[] = [
  property({ name: "hs_title", label: "Quote name", groupName: "quoteinformation" }),
  property({ name: "hs_expiration_date", label: "Expiration date", type: "date", fieldType: "date" }),
  property({
    name: "hs_status",
    label: "Status",
    type: "enumeration",
    fieldType: "select",
    options: [
      { label: "Draft", value: "DRAFT", hidden: false },
      { label: "Approved", value: "APPROVED", hidden: false },
    ],
  }),
  property({
    name: "hs_currency",
    label: "Currency",
    type: "enumeration",
    fieldType: "select",
    options: options(["USD", "EUR"]),
  }),
  property({
    name: "hs_language",
    label: "Language",
    type: "enumeration",
    fieldType: "select",
    options: options(["en", "de"]),
  }),
  property({ name: "hs_comments", label: "Comments", fieldType: "textarea", groupName: "quoteinformation" }),
  property({
    name: "hs_discount",
    label: "Discount",
    type: "number",
    fieldType: "number",
    groupName: "pricing",
  }),
  property({ name: "hs_sent_at", label: "Sent at", type: "datetime", fieldType: "date" }),
  property({ name: "hs_esign_enabled", label: "E-sign", type: "bool", fieldType: "booleancheckbox" }),
  property({ name: "hs_phone", label: "Phone", type: "phone_number", fieldType: "phonenumber" }),
  property({
    name: "hs_payment_methods",
    label: "Payment methods",
    type: "enumeration",
    fieldType: "checkbox",
    options: options(["CARD", "ACH", "WIRE"]),
  }),
  property({ name: "hs_secret_flag", label: "Secret flag", hidden: true, groupName: "internal" }),
  property({
    name: "hs_amount",
    label: "Amount",
    type: "number",
    fieldType: "calculation_equation",
    calculated: true,
  }),
  property({
    name: "hs_createdate",
    label: "Created",
    type: "datetime",
    fieldType: "date",
    modificationMetadata: { readOnlyValue: true },
  }),
];
