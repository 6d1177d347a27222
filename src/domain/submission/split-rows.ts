import type { Property } from "../../hubspot/properties.ts";
import type { BatchRow } from "../batch/row.ts";
import { isEmptyRow } from "../batch/row.ts";
import { RowRules } from "../validation/row-rules.ts";
import { rowTitle } from "./serialise.ts";
import type { NumberedRow } from "./state.ts";
import type { SkippedRow } from "./types.ts";

/**
 * Rows to send and rows skipped (with their first error, in the validator's words). Empty rows are neither.
 * `today` is YYYY-MM-DD in the user's calendar (expiration dates must not be in the past).
 */
export function splitRows(
  rows: readonly BatchRow[],
  properties: readonly Property[],
  today: string,
): { valid: NumberedRow[]; skipped: SkippedRow[] } {
  const rules = new RowRules({ properties, columns: [], today });
  const valid: NumberedRow[] = [];
  const skipped: SkippedRow[] = [];
  rows.forEach((row, index) => {
    if (isEmptyRow(row)) return;
    const rowNumber = index + 1;
    const error = rules.checkRow(row).find((issue) => issue.severity === "error");
    if (error) skipped.push({ rowId: row.id, rowNumber, title: rowTitle(row), reason: error.message });
    else valid.push({ row, rowNumber });
  });
  return { valid, skipped };
}
