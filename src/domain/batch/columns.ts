import type { AssociationTargetType } from "../../hubspot/association-catalogue.ts";
import { ASSOCIATION_TARGET_TYPES } from "../../hubspot/association-catalogue.ts";
import type { AssociationCategory } from "../../hubspot/association-labels.ts";

/**
 * A column of the batch. Property columns are keyed by the HubSpot property name; association columns by
 * `assoc:<toObjectType>:<category>:<typeId>` (property names never contain ":"). Every cell is a string:
 * a property's wire value, or record ids joined by ";" for an association column.
 */
export type ColumnKey = string;

export interface AssociationColumn {
  toObjectType: AssociationTargetType;
  category: AssociationCategory;
  typeId: number;
}

const ASSOCIATION_PREFIX = "assoc:";

export function associationColumnKey(column: AssociationColumn): ColumnKey {
  return `${ASSOCIATION_PREFIX}${column.toObjectType}:${column.category}:${column.typeId}`;
}

export function isAssociationColumnKey(key: ColumnKey): boolean {
  return key.startsWith(ASSOCIATION_PREFIX);
}

export function parseAssociationColumnKey(key: ColumnKey): AssociationColumn | undefined {
  if (!isAssociationColumnKey(key)) return undefined;
  const [toObjectType, category, typeId] = key.slice(ASSOCIATION_PREFIX.length).split(":");
  const target = ASSOCIATION_TARGET_TYPES.find((type) => type === toObjectType);
  const id = Number(typeId);
  if (!target || !Number.isInteger(id)) return undefined;
  if (
    category !== "HUBSPOT_DEFINED" &&
    category !== "USER_DEFINED" &&
    category !== "INTEGRATOR_DEFINED" &&
    category !== "WORK"
  )
    return undefined;
  return { toObjectType: target, category, typeId: id };
}

/** Record ids in an association cell: separated by ";" (also "," and whitespace, as people type them). */
export function splitRecordIds(cell: string): string[] {
  return cell
    .split(/[;,\s]+/)
    .map((id) => id.trim())
    .filter((id) => id !== "");
}
