import { z } from "zod";
import type { Property } from "./properties.ts";

/** Which quotes a portal makes: legacy (published through the API) or CPQ (always drafts; published in HubSpot). */
export const QuoteSystem = z.enum(["legacy", "cpq"]);
export type QuoteSystem = z.infer<typeof QuoteSystem>;

/** The `hs_template_type` value of CPQ quotes. */
export const CPQ_TEMPLATE_TYPE = "CPQ_QUOTE";

/**
 * From the quote property definitions (docs/decisions/040-quote-system-detection.md): a portal whose
 * `hs_template_type` offers a visible `CPQ_QUOTE` option makes CPQ quotes. Costs no extra request: the
 * definitions are read anyway to build the grid.
 */
export function detectQuoteSystem(properties: readonly Property[]): QuoteSystem {
  const templateType = properties.find((property) => property.name === "hs_template_type");
  const offersCpq = templateType?.options.some(
    (option) => option.value === CPQ_TEMPLATE_TYPE && option.hidden !== true,
  );
  return offersCpq === true ? "cpq" : "legacy";
}
