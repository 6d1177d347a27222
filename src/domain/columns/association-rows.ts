import type { AssociationTargetType } from "../../hubspot/association-catalogue.ts";
import {
  type ColumnKey,
  isAssociationColumnKey,
  parseAssociationColumnKey,
  splitRecordIds,
} from "../batch/columns.ts";

/**
 * One association of a quote as the row detail panel shows it: a target record and the association
 * types (labels) that link it. In the grid the same record appears in one cell per label, so a deal id
 * present in the "Deal" and "Deal: Primary" columns is ONE association row with two labels.
 */
export interface AssociationRow {
  toObjectType: AssociationTargetType;
  recordId: string;
  /** Association column keys (`assoc:<type>:<category>:<typeId>`), one per label. */
  labelKeys: ColumnKey[];
}

/** The association columns a row uses: the given (visible) ones first, then any other assoc cell it holds. */
export function associationKeysOf(cells: Readonly<Record<ColumnKey, string>>, visible: readonly ColumnKey[]) {
  const keys = visible.filter(isAssociationColumnKey);
  for (const key of Object.keys(cells))
    if (isAssociationColumnKey(key) && !keys.includes(key)) keys.push(key);
  return keys;
}

export function deriveAssociationRows(
  cells: Readonly<Record<ColumnKey, string>>,
  keys: readonly ColumnKey[],
): AssociationRow[] {
  const rows: AssociationRow[] = [];
  const byTarget = new Map<string, AssociationRow>();
  for (const key of keys) {
    const column = parseAssociationColumnKey(key);
    if (!column) continue;
    for (const recordId of splitRecordIds(cells[key] ?? "")) {
      const id = `${column.toObjectType}\u0000${recordId}`;
      const existing = byTarget.get(id);
      if (existing) {
        if (!existing.labelKeys.includes(key)) existing.labelKeys.push(key);
        continue;
      }
      const row = { toObjectType: column.toObjectType, recordId, labelKeys: [key] };
      byTarget.set(id, row);
      rows.push(row);
    }
  }
  return rows;
}

/**
 * The inverse: the value of every association cell in `keys` (plus any key an association row names),
 * ids joined by ";". Cells no row uses come back as "" so saving clears them.
 */
export function associationRowsToCells(
  rows: readonly AssociationRow[],
  keys: readonly ColumnKey[],
): Record<ColumnKey, string> {
  const ids = new Map<ColumnKey, string[]>();
  for (const key of keys) if (isAssociationColumnKey(key)) ids.set(key, []);
  for (const row of rows) {
    const recordId = row.recordId.trim();
    if (recordId === "") continue;
    for (const key of row.labelKeys) {
      const column = parseAssociationColumnKey(key);
      // A label of another target type cannot hold this record: ignore it rather than mis-file the id.
      if (!column || column.toObjectType !== row.toObjectType) continue;
      const list = ids.get(key) ?? [];
      if (!list.includes(recordId)) list.push(recordId);
      ids.set(key, list);
    }
  }
  const cells: Record<ColumnKey, string> = {};
  for (const [key, list] of ids) cells[key] = list.join(";");
  return cells;
}
