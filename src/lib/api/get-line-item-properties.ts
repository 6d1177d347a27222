import { queryOptions } from "@tanstack/react-query";
import { PropertyList } from "../../hubspot/properties.ts";
import { requestHubspot } from "./client.ts";

export const lineItemPropertiesKeys = { all: ["hubspot", "properties", "line_items"] as const };

const LINE_ITEM_PROPERTIES_PATH = "/crm/v3/properties/line_items";

export async function getLineItemProperties(signal?: AbortSignal) {
  const list = await requestHubspot(LINE_ITEM_PROPERTIES_PATH, PropertyList, { signal });
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
