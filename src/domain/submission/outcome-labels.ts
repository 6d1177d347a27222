import type { RowOutcome } from "./types.ts";

/** The words people see for each outcome (results table, CSV, filters). */
export const OUTCOME_LABELS: Record<RowOutcome, string> = {
  pending: "pending",
  created: "created",
  exists: "already in HubSpot",
  failed: "failed",
  unknown: "unknown",
  canceled: "canceled",
  "not-sent": "not sent",
};
