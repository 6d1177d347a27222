import type { AssociationTargetType } from "../../hubspot/association-catalogue.ts";
import {
  type ColumnKey,
  isAssociationColumnKey,
  parseAssociationColumnKey,
  splitRecordIds,
} from "../batch/columns.ts";
import type { BatchRow, RowId } from "../batch/row.ts";
import { LINE_KEYS } from "../lines/line-columns.ts";
import type { ReferenceType } from "../references/reference-type.ts";

/**
 * Rows whose association cells, or whose lines' products, hold an id that `matches`. When lookups learn that some ids do not exist,
 * only these rows need re-checking, not the whole batch (which would stall scrolling at 10,000 rows).
 */
export function rowsReferencing(
  rows: readonly BatchRow[],
  matches: (type: ReferenceType, id: string) => boolean,
): Set<RowId> {
  const targets = new Map<ColumnKey, AssociationTargetType | null>();
  const found = new Set<RowId>();
  for (const row of rows) {
    if (row.lines.some((line) => matches("products", (line.cells[LINE_KEYS.product] ?? "").trim()))) {
      found.add(row.id);
      continue;
    }
    for (const key in row.cells) {
      const value = row.cells[key];
      if (!value || !isAssociationColumnKey(key)) continue;
      let target = targets.get(key);
      if (target === undefined) {
        target = parseAssociationColumnKey(key)?.toObjectType ?? null;
        targets.set(key, target);
      }
      if (target === null) continue;
      const type = target;
      if (splitRecordIds(value).some((id) => matches(type, id))) {
        found.add(row.id);
        break;
      }
    }
  }
  return found;
}
