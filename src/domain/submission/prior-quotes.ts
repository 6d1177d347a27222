import type { RowId } from "../batch/row.ts";
import type { SubmissionState } from "./types.ts";

/** A quote an earlier submission made (or found already there) for a batch row. */
export interface PriorQuote {
  hubspotId: string;
  submissionId: string;
  /** When that submission started sending. */
  at: number;
}

/**
 * Every batch row that already has a quote in HubSpot, by the outcomes of past submissions (newest wins).
 * The submit dialog flags these rows before anything is sent.
 */
export function priorQuotes(states: readonly SubmissionState[]): Map<RowId, PriorQuote> {
  const found = new Map<RowId, PriorQuote>();
  const oldestFirst = [...states].sort((a, b) => a.createdAt - b.createdAt);
  for (const state of oldestFirst) {
    for (const row of state.rows) {
      if ((row.outcome !== "created" && row.outcome !== "exists") || !row.hubspotId) continue;
      found.set(row.rowId, {
        hubspotId: row.hubspotId,
        submissionId: state.id,
        at: state.startedAt ?? state.createdAt,
      });
    }
  }
  return found;
}
