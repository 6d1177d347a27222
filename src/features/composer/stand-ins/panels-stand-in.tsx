import type { ColumnDef } from "../../../domain/columns/column-def.ts";
import type { CellIssue } from "../../../domain/validation/issue.ts";

/** Stand-ins for the composer-data engineer's panels until they land. */
export function StandInIssuesPanel({
  issues,
  columns,
  rowIndex,
  onJump,
}: {
  issues: readonly CellIssue[];
  columns: readonly ColumnDef[];
  rowIndex: (rowId: string) => number;
  onJump: (rowId: string, columnKey: string | undefined) => void;
}) {
  const label = (key: string | undefined) => columns.find((column) => column.key === key)?.label ?? "Row";
  return (
    <section aria-label="Issues" className="composer-issues">
      <ul>
        {issues.slice(0, 200).map((issue) => (
          <li key={`${issue.rowId}-${issue.columnKey}-${issue.message}`}>
            <button type="button" onClick={() => onJump(issue.rowId, issue.columnKey)}>
              Row {rowIndex(issue.rowId) + 1}, {label(issue.columnKey)}: {issue.message}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
