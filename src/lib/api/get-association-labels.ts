import { queryOptions } from "@tanstack/react-query";
import type { AssociationTargetType } from "../../hubspot/association-catalogue.ts";
import { AssociationLabelList } from "../../hubspot/association-labels.ts";
import { hubspotPaths } from "../../hubspot/endpoints.ts";
import { requestHubspot } from "./client.ts";

export const associationLabelKeys = {
  all: ["hubspot", "association-labels"] as const,
  to: (toObjectType: AssociationTargetType) => [...associationLabelKeys.all, toObjectType] as const,
};

export async function getAssociationLabels(toObjectType: AssociationTargetType, signal?: AbortSignal) {
  const list = await requestHubspot(hubspotPaths.associationLabels(toObjectType), AssociationLabelList, {
    signal,
  });
  return list.results;
}

export function associationLabelsQuery(toObjectType: AssociationTargetType) {
  return queryOptions({
    queryKey: associationLabelKeys.to(toObjectType),
    queryFn: ({ signal }) => getAssociationLabels(toObjectType, signal),
    staleTime: 30 * 60_000,
  });
}
