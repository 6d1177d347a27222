import { useQueries, useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { lineMappingTargets } from "../../domain/csv/line-targets.ts";
import type { MappingTarget } from "../../domain/csv/targets.ts";
import { buildTargets } from "../../domain/csv/targets.ts";
import { STANDARD_LINE_ITEM_PROPERTIES } from "../../domain/lines/line-columns.ts";
import type { AssociationTargetType } from "../../hubspot/association-catalogue.ts";
import { ASSOCIATION_TARGET_TYPES } from "../../hubspot/association-catalogue.ts";
import type { AssociationLabel } from "../../hubspot/association-labels.ts";
import type { Property } from "../../hubspot/properties.ts";
import { associationLabelsQuery } from "../../lib/api/get-association-labels.ts";
import { lineItemPropertiesQuery } from "../../lib/api/get-line-item-properties.ts";
import { quotePropertiesQuery } from "../../lib/api/get-quote-properties.ts";

/**
 * What columns can map to: writable quote properties and association types. Custom association labels are
 * a bonus: if that request fails the built-in types are still offered.
 */
export function useMappingTargets(): {
  targets: MappingTarget[] | undefined;
  /** Every quote property, read-only ones included: to explain columns that cannot be imported. */
  properties: readonly Property[];
  error: Error | null;
  retry: () => void;
} {
  const properties = useQuery(quotePropertiesQuery());
  // Line-item columns are offered from HubSpot's standard ones when the portal's cannot be read.
  const lineProperties = useQuery(lineItemPropertiesQuery());
  const lineData =
    lineProperties.data ?? (lineProperties.isPending ? undefined : STANDARD_LINE_ITEM_PROPERTIES);
  const labels = useQueries({
    queries: ASSOCIATION_TARGET_TYPES.map((type) => associationLabelsQuery(type)),
  });
  const labelData = labels.map((query) => query.data);
  const labelsSettled = labels.every((query) => !query.isPending);
  // biome-ignore lint/correctness/useExhaustiveDependencies: labelData is rebuilt every render; its items are stable.
  const targets = useMemo(() => {
    if (!properties.data || !labelsSettled || !lineData) return undefined;
    const byType = new Map<AssociationTargetType, readonly AssociationLabel[]>();
    ASSOCIATION_TARGET_TYPES.forEach((type, index) => {
      const data = labelData[index];
      if (data) byType.set(type, data);
    });
    return [...buildTargets(properties.data, byType), ...lineMappingTargets(lineData)];
  }, [properties.data, labelsSettled, lineData, ...labelData]);
  return {
    targets,
    properties: properties.data ?? [],
    error: properties.error,
    retry: () => void properties.refetch(),
  };
}
