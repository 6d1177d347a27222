import type { RowId } from "../batch/row.ts";
import { type CellIssue, issue } from "../validation/issue.ts";
import type { RowOutcome, SubmissionState } from "./types.ts";

export interface SubmissionSummary {
  counts: Record<RowOutcome, number>;
  total: number;
  requestsDone: number;
  requestsTotal: number;
}

const DONE_PHASES = new Set(["complete", "failed", "unknown", "canceled", "not-sent"]);

export function summarise(state: SubmissionState): SubmissionSummary {
  const counts: Record<RowOutcome, number> = {
    pending: 0,
    created: 0,
    exists: 0,
    failed: 0,
    unknown: 0,
    canceled: 0,
    "not-sent": 0,
  };
  for (const row of state.rows) counts[row.outcome] += 1;
  const requestsDone = state.requests.filter((r) => DONE_PHASES.has(r.phase)).length;
  return { counts, total: state.rows.length, requestsDone, requestsTotal: state.requests.length };
}

/** A failed row's errors, as cell issues for the composer grid (on the property's cell when HubSpot named one). */
export function rowOutcomeIssues(state: SubmissionState | undefined): Map<RowId, CellIssue[]> {
  const issues = new Map<RowId, CellIssue[]>();
  if (!state) return issues;
  for (const row of state.rows) {
    if (row.outcome !== "failed" && row.outcome !== "unknown") continue;
    // HubSpot's own words (its language, not ours) travel as a value of the message.
    const message =
      row.outcome === "unknown"
        ? issue("hubspot.unknown")
        : { ...issue("hubspot.rejected"), cause: row.error?.message ?? "" };
    issues.set(row.rowId, [
      {
        rowId: row.rowId,
        columnKey: row.outcome === "failed" ? row.error?.propertyName : undefined,
        severity: row.outcome === "failed" ? "error" : "warning",
        message,
      },
    ]);
  }
  return issues;
}
