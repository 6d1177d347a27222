import type { SimplePublicObject } from "../../hubspot/batch-create.ts";
import type { BatchReadRequest } from "../../hubspot/batch-read.ts";
import type { RowId } from "../batch/row.ts";
import { chunk } from "./chunk.ts";
import type { RowResult, SubmissionState } from "./types.ts";

export function unknownRows(state: SubmissionState): RowResult[] {
  return state.rows.filter((row) => row.outcome === "unknown");
}

/** `batch/read` by the unique-value property, at most 100 ids a request. */
export function reconcileReadRequests(
  rows: readonly RowResult[],
  uniqueProperty: string,
): BatchReadRequest[] {
  const values = rows.map((row) => row.uniqueValue).filter((v): v is string => v !== undefined && v !== "");
  return chunk(values, 100).map((group) => ({
    inputs: group.map((id) => ({ id })),
    idProperty: uniqueProperty,
    properties: [uniqueProperty, "hs_title"],
    propertiesWithHistory: [],
  }));
}

export interface ReconcileFindings {
  /** Rows HubSpot has: created after all, with their ids. */
  found: Map<RowId, string>;
  /** Rows HubSpot does not have: safe to send again. */
  missing: RowId[];
  /** Rows without a stamped value: only a person can check them. */
  unverifiable: RowId[];
}

export function reconcileFindings(
  rows: readonly RowResult[],
  uniqueProperty: string,
  results: readonly SimplePublicObject[],
): ReconcileFindings {
  const idByValue = new Map<string, string>();
  for (const result of results) {
    const value = result.properties[uniqueProperty];
    if (value) idByValue.set(value, result.id);
  }
  const found = new Map<RowId, string>();
  const missing: RowId[] = [];
  const unverifiable: RowId[] = [];
  for (const row of rows) {
    if (!row.uniqueValue) unverifiable.push(row.rowId);
    else {
      const id = idByValue.get(row.uniqueValue);
      if (id) found.set(row.rowId, id);
      else missing.push(row.rowId);
    }
  }
  return { found, missing, unverifiable };
}

export interface ManualCheck {
  from: string;
  to: string;
  /** Every unknown row; the UI names the first few and counts the rest. */
  rows: { rowNumber: number; title: string }[];
}

/**
 * Without a unique-value property nothing can tell a created quote from a lost one but a person looking
 * in HubSpot: say exactly what to look for and in which time window.
 */
export function manualCheck(state: SubmissionState): ManualCheck | undefined {
  const rows = unknownRows(state);
  if (rows.length === 0) return undefined;
  const requestIds = new Set(rows.map((row) => row.requestId));
  const requests = state.requests.filter((r) => requestIds.has(r.id));
  const starts = requests.map((r) => r.sentAt ?? state.createdAt);
  const ends = requests.map((r) => r.settledAt ?? r.sentAt ?? state.finishedAt ?? state.createdAt);
  const from = new Date(Math.min(...starts) - 60_000).toISOString();
  const to = new Date(Math.max(...ends) + 5 * 60_000).toISOString();
  return {
    from,
    to,
    rows: rows.map((row) => ({ rowNumber: row.rowNumber, title: row.title })),
  };
}
