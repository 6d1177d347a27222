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

/** How association headers read; the UI passes them in the user's language (HubSpot's labels stay as sent). */
export interface AssociationNames {
  /** HubSpot's default association of a type: "Deal", "Contacts" (plural where several ids make sense). */
  plain(type: AssociationTargetType, plural: boolean): string;
  /** A labelled association: "Contact: Signer"; a label-less one by its type id: "Contact: type 1234". */
  labelled(type: AssociationTargetType, label: string | undefined, typeId: number): string;
}

/** English headers, for code without a user (tests, the bench). */
export const ENGLISH_ASSOCIATION_NAMES: AssociationNames = {
  plain: (type, plural) => (plural ? ASSOCIATION_TARGETS[type].plural : ASSOCIATION_TARGETS[type].singular),
  labelled: (type, label, typeId) => `${ASSOCIATION_TARGETS[type].singular}: ${label ?? `type ${typeId}`}`,
};

/** Default HubSpot headers read "Deal", "Contacts"; other labels name their target too: "Contact: Signer". */
export function associationColumnLabel(
  column: AssociationColumn,
  label?: string | null,
  names: AssociationNames = ENGLISH_ASSOCIATION_NAMES,
): string {
  const target = ASSOCIATION_TARGETS[column.toObjectType];
  if (column.category === "HUBSPOT_DEFINED" && column.typeId === target.defaultTypeId) {
    const plural = column.toObjectType === "contacts" || column.toObjectType === "line_items";
    return names.plain(column.toObjectType, plural);
  }
  return names.labelled(column.toObjectType, label?.trim() ? label.trim() : undefined, column.typeId);
}

export function associationColumn(
  column: AssociationColumn,
  label?: string | null,
  names: AssociationNames = ENGLISH_ASSOCIATION_NAMES,
): ColumnDef {
  return {
    kind: "association",
    key: associationColumnKey(column),
    label: associationColumnLabel(column, label, names),
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
export function associationColumns(
  labels: LabelsByTarget,
  names: AssociationNames = ENGLISH_ASSOCIATION_NAMES,
): ColumnDef[] {
  const byKey = new Map<string, ColumnDef>();
  for (const known of HUBSPOT_DEFINED_QUOTE_ASSOCIATIONS) {
    if (!isComposableTarget(known.toObjectType)) continue;
    const def = associationColumn(known, known.label, names);
    byKey.set(def.key, def);
  }
  for (const toObjectType of ASSOCIATION_TARGET_TYPES) {
    if (!isComposableTarget(toObjectType)) continue;
    for (const label of labels[toObjectType] ?? []) {
      const column = { toObjectType, category: label.category, typeId: label.typeId };
      const existing = byKey.get(associationColumnKey(column));
      // The endpoint's label wins over the catalogue's, except for the default type's plain header.
      if (existing && label.label == null) continue;
      const def = associationColumn(column, label.label, names);
      byKey.set(def.key, def);
    }
  }
  return [...byKey.values()];
}

/** Every column the layout may show: writable properties (hidden ones too) and association columns. */
export function availableColumns(
  properties: readonly Property[],
  labels: LabelsByTarget,
  names: AssociationNames = ENGLISH_ASSOCIATION_NAMES,
): ColumnDef[] {
  return [...properties.filter(isWritable).map(propertyColumn), ...associationColumns(labels, names)];
}
