import { type QueryClient, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useSyncExternalStore } from "react";
import type { IsMissingRecord } from "../../../domain/validation/cell-checks.ts";
import {
  ASSOCIATION_TARGET_TYPES,
  type AssociationTargetType,
} from "../../../hubspot/association-catalogue.ts";
import { type RecordSummary, recordKeys, resolveRecordsQuery } from "../../../lib/api/search-records.ts";

export interface RecordNames {
  /** Name by id, for ids HubSpot knows. */
  records: ReadonlyMap<string, RecordSummary>;
  /** Ids HubSpot says do not exist. */
  missing: ReadonlySet<string>;
  status: "pending" | "error" | "success";
}

const NO_RECORDS: ReadonlyMap<string, RecordSummary> = new Map();
const NONE: ReadonlySet<string> = new Set();

/** Names beside ids (and which ids do not exist), resolved in one cached request per set of ids. */
export function useRecordNames(objectType: AssociationTargetType, ids: readonly string[]): RecordNames {
  const query = useQuery(resolveRecordsQuery(objectType, ids));
  return useMemo(
    () => ({
      records: query.data?.found ?? NO_RECORDS,
      missing: query.data ? new Set(query.data.missing) : NONE,
      status: query.status,
    }),
    [query.data, query.status],
  );
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
