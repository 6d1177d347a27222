import { useQueries } from "@tanstack/react-query";
import type { AssociationTargetType } from "../../../hubspot/association-catalogue.ts";
import { type RecordSummary, type ResolvedRecords, recordKeys } from "../../../lib/api/search-records.ts";
import { loadRecord } from "./record-batcher.ts";

export interface RecordNames {
  /** Name by id, for ids HubSpot knows. */
  records: ReadonlyMap<string, RecordSummary>;
  /** Ids HubSpot says do not exist. */
  missing: ReadonlySet<string>;
  status: "pending" | "error" | "success";
}

const RECORD_ID = /^\d+$/;

function combineNames(
  results: readonly { data?: ResolvedRecords | undefined; status: "pending" | "error" | "success" }[],
): RecordNames {
  const records = new Map<string, RecordSummary>();
  const missing = new Set<string>();
  let status: RecordNames["status"] = "success";
  for (const result of results) {
    if (result.status === "error") status = "error";
    else if (result.status === "pending" && status !== "error") status = "pending";
    for (const [id, record] of result.data?.found ?? []) records.set(id, record);
    for (const id of result.data?.missing ?? []) missing.add(id);
  }
  return { records, missing, status };
}

/**
 * Names beside ids (and which ids do not exist). One cached query per id, so the grid can ask per cell;
 * the network side is coalesced into one search per object type (record-batcher.ts).
 */
export function useRecordNames(objectType: AssociationTargetType, ids: readonly string[]): RecordNames {
  const wanted = [...new Set(ids)].filter((id) => RECORD_ID.test(id));
  return useQueries({
    queries: wanted.map((id) => ({
      queryKey: recordKeys.byIds(objectType, [id]),
      queryFn: () => loadRecord(objectType, id),
      staleTime: 5 * 60_000,
    })),
    combine: combineNames,
  });
}
