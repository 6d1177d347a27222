import { queryOptions } from "@tanstack/react-query";
import { hubspotPaths } from "../../hubspot/endpoints.ts";
import { PropertyList } from "../../hubspot/properties.ts";
import { requestHubspot } from "./client.ts";

export const lineItemPropertiesKeys = { all: ["hubspot", "properties", "line_items"] as const };

export async function getLineItemProperties(signal?: AbortSignal) {
  const list = await requestHubspot(hubspotPaths.properties("line_items"), PropertyList, { signal });
  return list.results;
}

/** Property definitions change rarely: keep them for the session. */
export function lineItemPropertiesQuery() {
  return queryOptions({
    queryKey: lineItemPropertiesKeys.all,
    queryFn: ({ signal }) => getLineItemProperties(signal),
    staleTime: 30 * 60_000,
  });
}
