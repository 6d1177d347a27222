import type { Property } from "../hubspot/properties.ts";
import { defineProperty } from "./property-spec.ts";
import { CUSTOM_QUOTE_PROPERTIES } from "./quote-properties-custom.ts";
import { HUBSPOT_DEFINED_QUOTE_PROPERTIES } from "./quote-properties-hubspot.ts";

export { UNIQUE_PROPERTY_NAME } from "./quote-properties-custom.ts";

/**
 * The quote property definitions the simulator serves and validates against: HubSpot's own quote
 * properties plus a custom group that covers every type × fieldType combination, and one unique-value
 * property for reconciling unknown outcomes.
 */

export const REQUIRED_QUOTE_PROPERTIES = ["hs_title", "hs_expiration_date"] as const;

export const QUOTE_PROPERTIES: readonly Property[] = [
  ...HUBSPOT_DEFINED_QUOTE_PROPERTIES.map((spec, i) => defineProperty(spec, i)),
  ...CUSTOM_QUOTE_PROPERTIES.map((spec, i) => defineProperty({ ...spec, custom: true }, i + 1)),
];

export const QUOTE_PROPERTIES_BY_NAME: ReadonlyMap<string, Property> = new Map(
  QUOTE_PROPERTIES.map((property) => [property.name, property]),
);
