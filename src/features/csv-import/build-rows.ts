import type { BatchRow } from "../../domain/batch/row.ts";
import { createRow } from "../../domain/batch/row.ts";

/** One worker chunk (columnar) → batch rows. Empty values are left out: a missing key is an empty cell. */
export function rowsFromColumns(
  keys: readonly string[],
  columns: readonly (readonly string[])[],
  rows: number,
): BatchRow[] {
  const out: BatchRow[] = new Array(rows);
  for (let r = 0; r < rows; r += 1) {
    const cells: Record<string, string> = {};
    for (let c = 0; c < keys.length; c += 1) {
      const value = columns[c]![r]!;
      if (value !== "") cells[keys[c]!] = value;
    }
    out[r] = createRow(cells);
  }
  return out;
}
