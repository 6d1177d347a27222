import type { ColumnKey } from "../batch/columns.ts";
import type { LineId, RowId } from "../batch/row.ts";

export type IssueSeverity = "error" | "warning";

/**
 * One problem with one cell (or with the row as a whole when `columnKey` is undefined). With `lineId`, the
 * cell is that line item's, and `columnKey` is a line-item property name.
 */
export interface CellIssue {
  rowId: RowId;
  lineId?: LineId;
  columnKey: ColumnKey | undefined;
  severity: IssueSeverity;
  /** Plain words that say what is wrong and what to do: "Enter a date on or after today". */
  message: string;
}
