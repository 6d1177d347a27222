import type { AssociationInput, QuoteCreateInput } from "../../hubspot/batch-create.ts";
import { isAssociationColumnKey, parseAssociationColumnKey, splitRecordIds } from "../batch/columns.ts";
import type { BatchRow } from "../batch/row.ts";

export interface UniqueStamp {
  /** A quote property with `hasUniqueValue`, e.g. `batch_row_key`. */
  propertyName: string;
  /** The generated value for a row whose cell is empty. */
  valueFor: (row: BatchRow) => string;
}

export interface SerialiseOptions {
  /**
   * Whether a property column may be written. Read-only and calculated properties are left out; a name the
   * definitions do not know is sent anyway so HubSpot's own error names it.
   */
  isWritable?: (propertyName: string) => boolean;
  stamp?: UniqueStamp;
  /** The row's values as sent (its own cells, else the batch defaults); default its own cells. */
  cellsOf?: (row: BatchRow) => Readonly<Record<string, string>>;
}

export interface SerialisedRow {
  input: QuoteCreateInput;
  /** The value the unique-value property carries (the row's own or the generated one). */
  uniqueValue?: string;
}

/**
 * A row as one `batch/create` input, exactly per the contract: only non-empty writable property values,
 * `associations: []` when there are none, and the row id as `objectWriteTraceId`. A record named in
 * several association columns of the same target becomes ONE association input with several types.
 */
export function serialiseRow(row: BatchRow, options: SerialiseOptions = {}): SerialisedRow {
  const properties: Record<string, string> = {};
  const byTarget = new Map<string, AssociationInput>();
  for (const [key, value] of Object.entries(options.cellsOf?.(row) ?? row.cells)) {
    if (isAssociationColumnKey(key)) {
      addAssociations(byTarget, key, value);
      continue;
    }
    if (value === "" || options.isWritable?.(key) === false) continue;
    properties[key] = value;
  }
  let uniqueValue: string | undefined;
  if (options.stamp) {
    const name = options.stamp.propertyName;
    uniqueValue = properties[name] ?? options.stamp.valueFor(row);
    properties[name] = uniqueValue;
  }
  const input: QuoteCreateInput = {
    properties,
    associations: [...byTarget.values()],
    objectWriteTraceId: row.id,
  };
  return uniqueValue === undefined ? { input } : { input, uniqueValue };
}

function addAssociations(byTarget: Map<string, AssociationInput>, key: string, cell: string): void {
  const column = parseAssociationColumnKey(key);
  if (!column) return;
  for (const id of splitRecordIds(cell)) {
    // The same id in two target types is two different records: key by both.
    const targetKey = `${column.toObjectType}\u0000${id}`;
    const existing = byTarget.get(targetKey);
    const type = { associationCategory: column.category, associationTypeId: column.typeId };
    if (!existing) {
      byTarget.set(targetKey, { to: { id }, types: [type] });
      continue;
    }
    const duplicate = existing.types.some(
      (t) =>
        t.associationCategory === type.associationCategory && t.associationTypeId === type.associationTypeId,
    );
    if (!duplicate) existing.types.push(type);
  }
}

/** The title a person recognises a row by. */
export function rowTitle(row: BatchRow): string {
  return row.cells.hs_title ?? "";
}
