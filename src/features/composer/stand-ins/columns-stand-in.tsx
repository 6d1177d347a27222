import type { ReactNode } from "react";
import { associationColumn, propertyColumn } from "../../../domain/columns/build-columns.ts";
import type { ColumnDef } from "../../../domain/columns/column-def.ts";
import { QUOTE_PROPERTIES } from "../../../domain/columns/property-fixtures.ts";
import { isWritable } from "../../../hubspot/properties.ts";

/**
 * Stand-in for the composer-data engineer's `useComposerColumns` until it lands: the fixture quote
 * properties (writable, not hidden) and the default association columns.
 */
const COLUMNS: ColumnDef[] = [
  ...QUOTE_PROPERTIES.filter((property) => isWritable(property) && !property.hidden).map(propertyColumn),
  associationColumn({ toObjectType: "deals", category: "HUBSPOT_DEFINED", typeId: 64 }),
  associationColumn({ toObjectType: "quote_template", category: "HUBSPOT_DEFINED", typeId: 286 }),
  associationColumn({ toObjectType: "contacts", category: "HUBSPOT_DEFINED", typeId: 69 }),
];

export function useStandInColumns(): {
  columns: ColumnDef[];
  status: "pending" | "error" | "success";
  error?: unknown;
  openChooser(): void;
  chooser: ReactNode;
} {
  return { columns: COLUMNS, status: "success", openChooser: () => {}, chooser: null };
}
