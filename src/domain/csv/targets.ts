import type { AssociationTargetType } from "../../hubspot/association-catalogue.ts";
import {
  ASSOCIATION_TARGETS,
  HUBSPOT_DEFINED_QUOTE_ASSOCIATIONS,
} from "../../hubspot/association-catalogue.ts";
import type { AssociationLabel } from "../../hubspot/association-labels.ts";
import type { Property } from "../../hubspot/properties.ts";
import { isWritable } from "../../hubspot/properties.ts";
import type { AssociationColumn, ColumnKey } from "../batch/columns.ts";
import { associationColumnKey } from "../batch/columns.ts";

/** What a CSV column can be imported into. */
export type MappingTarget =
  | { kind: "property"; key: ColumnKey; label: string; property: Property; required: boolean }
  | {
      kind: "association";
      key: ColumnKey;
      label: string;
      association: AssociationColumn;
      /** The association type's own label ("Deal", or a custom one like "Primary"), for the UI's wording. */
      typeLabel: string;
    };

/** HubSpot will not create a quote without these (FACTS.md). */
export const REQUIRED_PROPERTIES: readonly string[] = ["hs_title", "hs_expiration_date"];

function requiredRank(key: ColumnKey): number {
  const rank = REQUIRED_PROPERTIES.indexOf(key);
  return rank === -1 ? REQUIRED_PROPERTIES.length : rank;
}

export function associationTargetLabel(toObjectType: AssociationTargetType, label: string): string {
  const target = ASSOCIATION_TARGETS[toObjectType];
  return label === target.singular ? `${target.singular} ID` : `${target.singular} ID (${label})`;
}

/**
 * Writable, visible quote properties first (required ones on top), then every association type: HubSpot's
 * own and the account's custom labels.
 */
export function buildTargets(
  properties: readonly Property[],
  labels: ReadonlyMap<AssociationTargetType, readonly AssociationLabel[]> = new Map(),
): MappingTarget[] {
  const propertyTargets: MappingTarget[] = properties
    .filter((property) => isWritable(property) && property.hidden !== true)
    .map((property) => ({
      kind: "property" as const,
      key: property.name,
      label: property.label,
      property,
      required: REQUIRED_PROPERTIES.includes(property.name),
    }))
    .sort((a, b) => requiredRank(a.key) - requiredRank(b.key) || a.label.localeCompare(b.label));
  const associations: MappingTarget[] = HUBSPOT_DEFINED_QUOTE_ASSOCIATIONS.map((known) => {
    const association = { toObjectType: known.toObjectType, category: known.category, typeId: known.typeId };
    return {
      kind: "association" as const,
      key: associationColumnKey(association),
      label: associationTargetLabel(known.toObjectType, known.label),
      association,
      typeLabel: known.label,
    };
  });
  const seen = new Set(associations.map((target) => target.key));
  for (const [toObjectType, list] of labels) {
    for (const label of list) {
      const association = { toObjectType, category: label.category, typeId: label.typeId };
      const key = associationColumnKey(association);
      if (seen.has(key) || !label.label) continue;
      seen.add(key);
      associations.push({
        kind: "association",
        key,
        label: associationTargetLabel(toObjectType, label.label),
        association,
        typeLabel: label.label,
      });
    }
  }
  return [...propertyTargets, ...associations];
}
