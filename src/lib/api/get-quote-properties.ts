import { queryOptions } from "@tanstack/react-query";
import { hubspotPaths } from "../../hubspot/endpoints.ts";
import { PropertyList } from "../../hubspot/properties.ts";
import { requestHubspot } from "./client.ts";

export const quotePropertiesKeys = { all: ["hubspot", "properties", "quotes"] as const };

export async function getQuoteProperties(signal?: AbortSignal) {
  const list = await requestHubspot(hubspotPaths.quoteProperties, PropertyList, { signal });
  return list.results;
}

/** Property definitions change rarely: keep them for the session. */
export function quotePropertiesQuery() {
  return queryOptions({
    queryKey: quotePropertiesKeys.all,
    queryFn: ({ signal }) => getQuoteProperties(signal),
    staleTime: 30 * 60_000,
  });
}
