import { useQueries, useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import type { MappingTarget } from "../../domain/csv/targets.ts";
import { buildTargets } from "../../domain/csv/targets.ts";
import type { AssociationTargetType } from "../../hubspot/association-catalogue.ts";
import { ASSOCIATION_TARGET_TYPES } from "../../hubspot/association-catalogue.ts";
import type { AssociationLabel } from "../../hubspot/association-labels.ts";
import type { Property } from "../../hubspot/properties.ts";
import { associationLabelsQuery } from "../../lib/api/get-association-labels.ts";
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
  const labels = useQueries({
    queries: ASSOCIATION_TARGET_TYPES.map((type) => associationLabelsQuery(type)),
  });
  const labelData = labels.map((query) => query.data);
  const labelsSettled = labels.every((query) => !query.isPending);
  // biome-ignore lint/correctness/useExhaustiveDependencies: labelData is rebuilt every render; its items are stable.
  const targets = useMemo(() => {
    if (!properties.data || !labelsSettled) return undefined;
    const byType = new Map<AssociationTargetType, readonly AssociationLabel[]>();
    ASSOCIATION_TARGET_TYPES.forEach((type, index) => {
      const data = labelData[index];
      if (data) byType.set(type, data);
    });
    return buildTargets(properties.data, byType);
  }, [properties.data, labelsSettled, ...labelData]);
  return {
    targets,
    properties: properties.data ?? [],
    error: properties.error,
    retry: () => void properties.refetch(),
  };
}
