import { type QueryClient, useQueries, useQueryClient } from "@tanstack/react-query";
import { useSyncExternalStore } from "react";
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

const BY_ID_PREFIX: readonly unknown[] = recordKeys.byIdsPrefix;

function isByIdKey(key: readonly unknown[]): boolean {
  return BY_ID_PREFIX.every((part, i) => key[i] === part);
}

/**
 * Every id some lookup found missing, kept up to date from cache events on by-id queries only: each event
 * costs the one query it concerns, never a scan of the cache (that scan ran on every event while scrolling).
 */
class MissingRecords {
  /** "type:id" → how many cached queries say it is missing. */
  private readonly counts = new Map<string, number>();
  /** What each query contributed, by query hash. */
  private readonly byQuery = new Map<string, readonly string[]>();
  /** The data each query had when last read, to skip events that changed something else (fetch status). */
  private readonly seen = new Map<string, unknown>();
  private readonly listeners = new Set<() => void>();
  private attached = false;
  version = 0;
  lookup: IsMissingRecord | undefined;

  constructor(private readonly client: QueryClient) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    if (!this.attached) this.attach();
    return () => {
      this.listeners.delete(listener);
    };
  };

  getVersion = (): number => this.version;

  /** Listens for the client's lifetime (one cheap listener), so nothing is missed between views. */
  private attach(): void {
    this.attached = true;
    const cache = this.client.getQueryCache();
    let changed = false;
    for (const query of cache.findAll({ queryKey: recordKeys.byIdsPrefix }))
      changed = this.set(query.queryHash, query.queryKey, query.state.data) || changed;
    if (changed) this.bump();
    cache.subscribe((event) => {
      // Observer events (one per query per render of a view) never change data.
      if (event.type !== "added" && event.type !== "updated" && event.type !== "removed") return;
      const { query } = event;
      if (!isByIdKey(query.queryKey)) return;
      const data = event.type === "removed" ? undefined : query.state.data;
      if (this.set(query.queryHash, query.queryKey, data)) this.bump();
    });
  }

  /** Records one query's missing ids; true when the overall set changed. */
  private set(hash: string, key: readonly unknown[], data: unknown): boolean {
    if (this.seen.has(hash) && this.seen.get(hash) === data) return false;
    if (data === undefined) this.seen.delete(hash);
    else this.seen.set(hash, data);
    const type = ASSOCIATION_TARGET_TYPES.find((t) => t === key[3]);
    const next = type ? missingOf(data).map((id) => `${type}:${id}`) : [];
    const previous = this.byQuery.get(hash) ?? [];
    if (previous.length === next.length && previous.every((entry, i) => entry === next[i])) return false;
    let changed = false;
    for (const entry of previous) {
      const count = (this.counts.get(entry) ?? 1) - 1;
      if (count <= 0) {
        this.counts.delete(entry);
        changed = true;
      } else this.counts.set(entry, count);
    }
    for (const entry of next) {
      const count = this.counts.get(entry) ?? 0;
      if (count === 0) changed = true;
      this.counts.set(entry, count + 1);
    }
    if (next.length === 0) this.byQuery.delete(hash);
    else this.byQuery.set(hash, next);
    // A query re-reporting the same ids removes then re-adds them: not a change.
    return changed && this.differsFromLookup();
  }

  private snapshot: ReadonlySet<string> = new Set();

  private differsFromLookup(): boolean {
    if (this.snapshot.size !== this.counts.size) return true;
    for (const entry of this.counts.keys()) if (!this.snapshot.has(entry)) return true;
    return false;
  }

  private bump(): void {
    const missing = new Set(this.counts.keys());
    this.snapshot = missing;
    this.lookup = missing.size === 0 ? undefined : (type, id) => missing.has(`${type}:${id}`);
    this.version += 1;
    for (const listener of this.listeners) listener();
  }
}

const trackers = new WeakMap<QueryClient, MissingRecords>();

function trackerFor(client: QueryClient): MissingRecords {
  let tracker = trackers.get(client);
  if (!tracker) {
    tracker = new MissingRecords(client);
    trackers.set(client, tracker);
  }
  return tracker;
}

/**
 * Ids that lookups anywhere in the app found not to exist, for validation ("Deal 123 was not found").
 * Changes only when that set changes, so validation rules are recompiled rarely.
 */
export function useKnownMissingRecords(): IsMissingRecord | undefined {
  const tracker = trackerFor(useQueryClient());
  useSyncExternalStore(tracker.subscribe, tracker.getVersion);
  return tracker.lookup;
}
