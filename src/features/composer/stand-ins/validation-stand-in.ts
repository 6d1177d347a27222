import { useMemo } from "react";
import type { BatchRow } from "../../../domain/batch/row.ts";
import type { ColumnDef } from "../../../domain/columns/column-def.ts";
import type { CellIssue } from "../../../domain/validation/issue.ts";
import { wireValueProblem } from "../../../hubspot/codecs.ts";
import { useBatchSnapshot } from "../../../lib/batch-store-context.tsx";

const cache = new WeakMap<BatchRow, readonly CellIssue[]>();

function rowIssues(row: BatchRow, columns: readonly ColumnDef[]): readonly CellIssue[] {
  const cached = cache.get(row);
  if (cached) return cached;
  const issues: CellIssue[] = [];
  for (const column of columns) {
    const value = row.cells[column.key] ?? "";
    if ((column.key === "hs_title" || column.key === "hs_expiration_date") && value.trim() === "") {
      issues.push({
        rowId: row.id,
        columnKey: column.key,
        severity: "error",
        message: `Enter ${column.label}`,
      });
      continue;
    }
    if (column.kind !== "property") continue;
    const problem = wireValueProblem(column.property, value);
    if (problem) issues.push({ rowId: row.id, columnKey: column.key, severity: "error", message: problem });
  }
  cache.set(row, issues);
  return issues;
}

/** Stand-in for `useBatchValidation` until the composer-data engineer's lands: wire-format checks only. */
export function useStandInValidation(columns: readonly ColumnDef[]) {
  const snapshot = useBatchSnapshot();
  return useMemo(() => {
    const byId = new Map(snapshot.rows.map((row) => [row.id, row]));
    const forRow = (rowId: string) => {
      const row = byId.get(rowId);
      return row ? rowIssues(row, columns) : [];
    };
    const all = () => snapshot.rows.flatMap((row) => rowIssues(row, columns));
    let errors = 0;
    for (const issue of all()) if (issue.severity === "error") errors += 1;
    return {
      issueFor: (rowId: string, key: string) => forRow(rowId).find((issue) => issue.columnKey === key),
      issuesForRow: forRow,
      counts: { errors, warnings: 0 },
      all,
      version: snapshot.version,
    };
  }, [snapshot, columns]);
}
