import type { AssociationTargetType } from "../../hubspot/association-catalogue.ts";
import {
  ASSOCIATION_TARGET_TYPES,
  ASSOCIATION_TARGETS,
  HUBSPOT_DEFINED_QUOTE_ASSOCIATIONS,
} from "../../hubspot/association-catalogue.ts";
import type { AssociationLabel } from "../../hubspot/association-labels.ts";
import type { Property } from "../../hubspot/properties.ts";
import { isWritable } from "../../hubspot/properties.ts";
import { type AssociationColumn, associationColumnKey } from "../batch/columns.ts";
import type { ColumnDef } from "./column-def.ts";

/** Every quote needs these two (FACTS.md); they stay first, in this order, and cannot be removed. */
export const PINNED_PROPERTY_NAMES = ["hs_title", "hs_expiration_date"] as const;

export function isPinnedProperty(name: string): boolean {
  return name === PINNED_PROPERTY_NAMES[0] || name === PINNED_PROPERTY_NAMES[1];
}

function propertyWidth(property: Property): number {
  if (property.name === "hs_title") return 240;
  if (property.type === "bool") return 110;
  if (property.type === "date") return 150;
  if (property.type === "datetime") return 200;
  if (property.type === "number") return 130;
  if (property.fieldType === "textarea") return 260;
  return 180;
}

export function propertyColumn(property: Property): ColumnDef {
  return {
    kind: "property",
    key: property.name,
    label: property.label,
    property,
    pinned: isPinnedProperty(property.name),
    width: propertyWidth(property),
  };
}

/** Default HubSpot headers read "Deal", "Contacts"; other labels name their target too: "Contact: Signer". */
export function associationColumnLabel(column: AssociationColumn, label?: string | null): string {
  const target = ASSOCIATION_TARGETS[column.toObjectType];
  if (column.category === "HUBSPOT_DEFINED" && column.typeId === target.defaultTypeId) {
    const plural = column.toObjectType === "contacts" || column.toObjectType === "line_items";
    return plural ? target.plural : target.singular;
  }
  const name = label?.trim() ? label.trim() : `type ${column.typeId}`;
  return `${target.singular}: ${name}`;
}

export function associationColumn(column: AssociationColumn, label?: string | null): ColumnDef {
  return {
    kind: "association",
    key: associationColumnKey(column),
    label: associationColumnLabel(column, label),
    association: column,
    pinned: false,
    width: column.toObjectType === "contacts" || column.toObjectType === "line_items" ? 200 : 170,
  };
}

/**
 * Records a quote row may name by id. Not line items: a line item has exactly one parent (FACTS.md), so an
 * existing one (a deal's) cannot join a new quote; a quote's lines are created fresh, from the line grid.
 */
export function isComposableTarget(toObjectType: AssociationTargetType): boolean {
  return toObjectType !== "line_items";
}

export type LabelsByTarget = Partial<Record<AssociationTargetType, readonly AssociationLabel[]>>;

/**
 * Association columns the user can pick: HubSpot's defined ones (so the app works while labels load or
 * when the labels endpoint fails) plus every label the endpoint lists, USER_DEFINED included.
 */
export function associationColumns(labels: LabelsByTarget): ColumnDef[] {
  const byKey = new Map<string, ColumnDef>();
  for (const known of HUBSPOT_DEFINED_QUOTE_ASSOCIATIONS) {
    if (!isComposableTarget(known.toObjectType)) continue;
    const def = associationColumn(known, known.label);
    byKey.set(def.key, def);
  }
  for (const toObjectType of ASSOCIATION_TARGET_TYPES) {
    if (!isComposableTarget(toObjectType)) continue;
    for (const label of labels[toObjectType] ?? []) {
      const column = { toObjectType, category: label.category, typeId: label.typeId };
      const existing = byKey.get(associationColumnKey(column));
      // The endpoint's label wins over the catalogue's, except for the default type's plain header.
      if (existing && label.label == null) continue;
      const def = associationColumn(column, label.label);
      byKey.set(def.key, def);
    }
  }
  return [...byKey.values()];
}

/** Every column the layout may show: writable properties (hidden ones too) and association columns. */
export function availableColumns(properties: readonly Property[], labels: LabelsByTarget): ColumnDef[] {
  return [...properties.filter(isWritable).map(propertyColumn), ...associationColumns(labels)];
}
