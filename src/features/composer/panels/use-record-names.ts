import { type QueryClient, useQueries, useQueryClient } from "@tanstack/react-query";
import { useMemo, useSyncExternalStore } from "react";
import type { IsMissingRecord } from "../../../domain/validation/cell-checks.ts";
import {
  ASSOCIATION_TARGET_TYPES,
  type AssociationTargetType,
} from "../../../hubspot/association-catalogue.ts";
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

function missingOf(data: unknown): readonly string[] {
  if (typeof data !== "object" || data === null || !("missing" in data) || !Array.isArray(data.missing))
    return [];
  return data.missing.filter((id): id is string => typeof id === "string");
}

/** "deals:123,contacts:9": every id some lookup found missing, as a cheap comparable snapshot. */
function missingSignature(client: QueryClient): string {
  const entries: string[] = [];
  for (const query of client.getQueryCache().findAll({ queryKey: recordKeys.byIdsPrefix })) {
    const type = ASSOCIATION_TARGET_TYPES.find((t) => t === query.queryKey[3]);
    if (!type) continue;
    for (const id of missingOf(query.state.data)) entries.push(`${type}:${id}`);
  }
  return entries.sort().join(",");
}

/**
 * Ids that lookups anywhere in the app found not to exist, for validation ("Deal 123 was not found").
 * Changes only when that set changes, so validation rules are recompiled rarely.
 */
export function useKnownMissingRecords(): IsMissingRecord | undefined {
  const client = useQueryClient();
  const signature = useSyncExternalStore(
    (notify) => client.getQueryCache().subscribe(notify),
    () => missingSignature(client),
  );
  return useMemo(() => {
    if (signature === "") return undefined;
    const missing = new Set(signature.split(","));
    return (type, id) => missing.has(`${type}:${id}`);
  }, [signature]);
}
