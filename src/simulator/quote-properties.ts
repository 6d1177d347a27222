import type { QuoteSystem } from "../hubspot/quote-system.ts";
import { CPQ_TEMPLATE_TYPE } from "../hubspot/quote-system.ts";
import { buildCatalog, type PropertyCatalog } from "./property-catalog.ts";
import type { PropertySpec } from "./property-spec.ts";
import { CUSTOM_QUOTE_PROPERTIES } from "./quote-properties-custom.ts";
import { HUBSPOT_DEFINED_QUOTE_PROPERTIES } from "./quote-properties-hubspot.ts";

export { UNIQUE_PROPERTY_NAME } from "./quote-properties-custom.ts";

/**
 * The quote property definitions the simulator serves and validates against: HubSpot's own quote
 * properties plus a custom group that covers every type × fieldType combination, and one unique-value
 * property for reconciling unknown outcomes. The portal decides the currencies and locales offered, and a
 * CPQ portal's `hs_template_type` offers `CPQ_QUOTE`.
 */

export const REQUIRED_QUOTE_PROPERTIES = ["hs_title", "hs_expiration_date"] as const;

export interface QuoteCatalogOptions {
  currencies: readonly (readonly [string, string])[];
  extraLocales: readonly (readonly [string, string])[];
  quoteSystem: QuoteSystem;
}

function adapt(spec: PropertySpec, options: QuoteCatalogOptions): PropertySpec {
  if (spec.name === "hs_currency") return { ...spec, options: options.currencies };
  if (spec.name === "hs_locale")
    return { ...spec, options: [...(spec.options ?? []), ...options.extraLocales] };
  if (spec.name === "hs_template_type" && options.quoteSystem === "cpq") {
    return { ...spec, options: [...(spec.options ?? []), [CPQ_TEMPLATE_TYPE, "CPQ quote"]] };
  }
  return spec;
}

export function quoteCatalog(
  options: QuoteCatalogOptions,
  localize: (spec: PropertySpec) => PropertySpec = (spec) => spec,
): PropertyCatalog {
  return buildCatalog(
    HUBSPOT_DEFINED_QUOTE_PROPERTIES.map((spec) => localize(adapt(spec, options))),
    CUSTOM_QUOTE_PROPERTIES.map(localize),
    { standard: "quoteinformation", custom: "quote_custom" },
  );
}
