import { useMemo } from "react";
import type { RowId } from "../../domain/batch/row.ts";
import type { ColumnDef } from "../../domain/columns/column-def.ts";
import type { CellIssue } from "../../domain/validation/issue.ts";
import type { GridIssues } from "./grid/quote-grid.tsx";

/** HubSpot's word on a submitted row, placed on a visible cell. */
export interface OutcomeIssue extends CellIssue {
  source: "hubspot";
}

export function isOutcomeIssue(issue: CellIssue): issue is OutcomeIssue {
  return "source" in issue && issue.source === "hubspot";
}

/**
 * Outcome issues by row and the column they show on: the property HubSpot named when it is a visible
 * column, otherwise (row-level, or a property not shown) the title column. Costs the failed rows, not the batch.
 */
export function placeOutcomeIssues(
  outcomes: ReadonlyMap<RowId, readonly CellIssue[]>,
  columns: readonly ColumnDef[],
): Map<RowId, Map<string, OutcomeIssue>> {
  const placed = new Map<RowId, Map<string, OutcomeIssue>>();
  const visible = new Set(columns.map((column) => column.key));
  const titleKey = columns.find((column) => column.key === "hs_title")?.key ?? columns[0]?.key;
  for (const [rowId, issues] of outcomes) {
    const cells = new Map<string, OutcomeIssue>();
    for (const issue of issues) {
      const key = issue.columnKey !== undefined && visible.has(issue.columnKey) ? issue.columnKey : titleKey;
      if (key === undefined) continue;
      const existing = cells.get(key);
      if (existing && (existing.severity === "error" || issue.severity === "warning")) continue;
      cells.set(key, { ...issue, source: "hubspot" });
    }
    if (cells.size > 0) placed.set(rowId, cells);
  }
  return placed;
}

const NONE: readonly CellIssue[] = [];

/**
 * The grid's issues: validation's, plus HubSpot's outcome for failed or unknown rows of the last submission.
 * A validation error wins a cell (it is about the value there now); otherwise HubSpot's word shows. Lookups
 * stay O(1), so an edit costs what it cost before.
 */
export function useGridIssues(
  validation: GridIssues,
  outcomes: ReadonlyMap<RowId, readonly CellIssue[]>,
  columns: readonly ColumnDef[],
): GridIssues {
  const placed = useMemo(() => placeOutcomeIssues(outcomes, columns), [outcomes, columns]);
  return useMemo(() => {
    if (placed.size === 0) return validation;
    return {
      issueFor(rowId, key) {
        const own = validation.issueFor(rowId, key);
        if (own?.severity === "error") return own;
        return placed.get(rowId)?.get(key) ?? own;
      },
      issuesForRow(rowId) {
        const own = validation.issuesForRow(rowId);
        const cells = placed.get(rowId);
        return cells ? [...own, ...cells.values()] : own.length === 0 ? NONE : own;
      },
      version: validation.version,
    };
  }, [validation, placed]);
}
