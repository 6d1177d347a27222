import { useMemo, useSyncExternalStore } from "react";
import type { RowId } from "../../domain/batch/row.ts";
import { rowOutcomeIssues } from "../../domain/submission/summary.ts";
import type { CellIssue } from "../../domain/validation/issue.ts";
import { useSubmissionStore } from "./submission-context.tsx";

/**
 * What HubSpot said about each failed (or unknown) row of the submission on screen, as cell issues: the
 * composer grid shows them on the row, on the property's cell when HubSpot named one.
 */
export function useRowOutcomeIssues(): ReadonlyMap<RowId, CellIssue[]> {
  const store = useSubmissionStore();
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const state = snapshot.running ? undefined : snapshot.current;
  return useMemo(() => rowOutcomeIssues(state), [state]);
}
