import { queryOptions } from "@tanstack/react-query";
import { detectQuoteSystem } from "../../hubspot/quote-system.ts";
import { getQuoteProperties, quotePropertiesKeys } from "./get-quote-properties.ts";

export const quoteSystemKeys = { all: [...quotePropertiesKeys.all, "quote-system"] as const };

/**
 * Legacy or CPQ, told from the quote property definitions (docs/decisions/040-quote-system-detection.md).
 * The same request the grid makes, so it costs nothing extra once the definitions are cached.
 */
export function quoteSystemQuery() {
  return queryOptions({
    queryKey: quoteSystemKeys.all,
    queryFn: async ({ signal }) => detectQuoteSystem(await getQuoteProperties(signal)),
    staleTime: 30 * 60_000,
  });
}
