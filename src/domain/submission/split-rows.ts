import type { BatchRow } from "../batch/row.ts";
import { isEmptyRow } from "../batch/row.ts";
import type { CellIssue, IssueMessage } from "../validation/issue.ts";
import { rowTitle } from "./serialise.ts";
import type { NumberedRow } from "./state.ts";
import type { SkippedRow } from "./types.ts";

/**
 * Rows to send and rows skipped (with their first error, in the validator's words). Empty rows are neither.
 * `issuesOf` is the app's one validation result (ValidationService.issuesOf): what the grid marks as an
 * error is skipped here, never re-derived from other rules.
 */
export function splitRows(
  rows: readonly BatchRow[],
  issuesOf: (row: BatchRow) => readonly CellIssue[],
  /** The reason's words, kept with the submission: the UI's translator, in the user's language. */
  describeIssue: (message: IssueMessage) => string,
): { valid: NumberedRow[]; skipped: SkippedRow[] } {
  const valid: NumberedRow[] = [];
  const skipped: SkippedRow[] = [];
  rows.forEach((row, index) => {
    if (isEmptyRow(row)) return;
    const rowNumber = index + 1;
    const error = issuesOf(row).find((issue) => issue.severity === "error");
    if (error)
      skipped.push({
        rowId: row.id,
        rowNumber,
        title: rowTitle(row),
        reason: describeIssue(error.message),
        issue: error.message,
      });
    else valid.push({ row, rowNumber });
  });
  return { valid, skipped };
}
