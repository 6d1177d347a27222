import { Property } from "../../hubspot/properties.ts";

/** Quote properties shaped like the simulator's, for tests of mapping and coercion. */
export const TEST_PROPERTIES: Property[] = [
  ["hs_title", "Quote name", "string", "text"],
  ["hs_expiration_date", "Expiration date", "date", "date"],
  ["hs_currency", "Currency", "enumeration", "select", ["USD:US Dollar", "EUR:Euro", "JPY:Japanese Yen"]],
  [
    "hs_status",
    "Quote approval status",
    "enumeration",
    "select",
    ["DRAFT:Draft", "APPROVAL_NOT_NEEDED:Approval not needed"],
  ],
  ["hs_discount", "Discount", "number", "number"],
  ["hs_esign_enabled", "eSign enabled", "bool", "booleancheckbox"],
  [
    "hs_payment_types",
    "Payment types",
    "enumeration",
    "checkbox",
    ["card:Credit card", "ach:ACH", "wire:Wire transfer"],
  ],
  ["hs_sent_at", "Sent at", "datetime", "date"],
  ["hs_comments", "Comments", "string", "textarea"],
  ["hs_createdate", "Create date", "datetime", "date", [], true],
].map(([name, label, type, fieldType, options = [], readOnly = false]) =>
  Property.parse({
    name,
    label,
    type,
    fieldType,
    groupName: "quoteinformation",
    options: (options as string[]).map((option) => {
      const [value, text] = option.split(":");
      return { value, label: text };
    }),
    modificationMetadata: { readOnlyValue: readOnly },
  }),
);
