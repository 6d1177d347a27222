import type { Property } from "../../hubspot/properties.ts";
import { isWritable } from "../../hubspot/properties.ts";
import type { ColumnKey } from "../batch/columns.ts";
import { ALIASES } from "./header-aliases.ts";
import { normalizeName } from "./normalize.ts";

/** A file column that will not be imported, and why, so the mapping step and the toast can say so. */
export interface UnmappedColumn {
  column: number;
  header: string;
  /** The header names a property HubSpot fills itself (e.g. the quote amount): it cannot be imported. */
  readOnlyLabel?: string;
}

function namesOf(property: Property): string[] {
  return [property.name, property.label, ...(ALIASES[property.name] ?? [])].map(normalizeName);
}

export function unmappedColumns(
  headers: readonly string[],
  targetKeys: readonly (ColumnKey | null)[],
  properties: readonly Property[],
): UnmappedColumn[] {
  const readOnly = properties.filter((property) => !isWritable(property) || property.hidden === true);
  return headers.flatMap((header, column) => {
    if (targetKeys[column]) return [];
    const name = normalizeName(header);
    const match = name === "" ? undefined : readOnly.find((property) => namesOf(property).includes(name));
    return [match ? { column, header, readOnlyLabel: match.label } : { column, header }];
  });
}
