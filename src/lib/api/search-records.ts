import { queryOptions } from "@tanstack/react-query";
import { ASSOCIATION_TARGETS, type AssociationTargetType } from "../../hubspot/association-catalogue.ts";
import type { SimplePublicObject } from "../../hubspot/batch-create.ts";
import { hubspotPaths } from "../../hubspot/endpoints.ts";
import {
  ObjectCollection,
  type SearchableObjectType,
  type SearchRequestInput,
} from "../../hubspot/search.ts";
import { requestHubspot } from "./client.ts";
import { getQuoteTemplates } from "./get-quote-templates.ts";

/** A CRM record as a lookup shows it: "Acme renewal (123)", with an email or domain when there is one. */
export interface RecordSummary {
  id: string;
  name: string;
  detail?: string;
  /** A deal's `deal_currency_code`: validation checks the quote's line items are in it. */
  currency?: string;
}

export interface ResolvedRecords {
  found: ReadonlyMap<string, RecordSummary>;
  /** Ids HubSpot does not know: the lookup says "not found" and validation flags them. */
  missing: readonly string[];
}

export const recordKeys = {
  all: ["hubspot", "records"] as const,
  search: (type: AssociationTargetType, term: string) => [...recordKeys.all, "search", type, term] as const,
  byIdsPrefix: ["hubspot", "records", "by-id"] as const,
  byIds: (type: AssociationTargetType, ids: readonly string[]) =>
    [...recordKeys.byIdsPrefix, type, ...ids] as const,
};

const NAME_PARTS = ["firstname", "lastname"];
const DEAL_CURRENCY = "deal_currency_code";
const RECORD_ID = /^\d+$/;
/** HubSpot's IN filter takes at most 100 values. */
const IDS_PER_REQUEST = 100;
const SEARCH_LIMIT = 10;

function propertiesFor(type: AssociationTargetType): string[] {
  const target = ASSOCIATION_TARGETS[type];
  const names = [target.nameProperty, ...(target.secondaryProperty ? [target.secondaryProperty] : [])];
  if (type === "contacts") return [...names, ...NAME_PARTS];
  // Read with the same batched id checks: a quote's line items must be in its deal's currency.
  return type === "deals" ? [...names, DEAL_CURRENCY] : names;
}

export function summarize(type: AssociationTargetType, object: SimplePublicObject): RecordSummary {
  const target = ASSOCIATION_TARGETS[type];
  const props = object.properties;
  const parts =
    type === "contacts"
      ? NAME_PARTS.map((name) => props[name] ?? "")
          .join(" ")
          .trim()
      : "";
  const detail = target.secondaryProperty ? (props[target.secondaryProperty] ?? undefined) : undefined;
  const name = props[target.nameProperty] || parts || detail || `${target.singular} ${object.id}`;
  const summary: RecordSummary =
    detail && detail !== name ? { id: object.id, name, detail } : { id: object.id, name };
  const currency = type === "deals" ? props[DEAL_CURRENCY]?.trim() : undefined;
  return currency ? { ...summary, currency } : summary;
}

/** Free text (deal name; contact name or email; company name or domain; line item name) via `query`. */
export function recordSearchBody(type: SearchableObjectType, term: string): SearchRequestInput {
  return { query: term.trim(), properties: propertiesFor(type), limit: SEARCH_LIMIT };
}

function isSearchable(type: AssociationTargetType): type is SearchableObjectType {
  return type !== "quote_template";
}

async function templates(signal?: AbortSignal): Promise<RecordSummary[]> {
  return (await getQuoteTemplates(signal)).map((object) => summarize("quote_template", object));
}

export async function searchRecords(
  type: AssociationTargetType,
  term: string,
  signal?: AbortSignal,
): Promise<RecordSummary[]> {
  if (!isSearchable(type)) {
    // Templates have no search endpoint: filter the (short) listing here.
    const needle = term.trim().toLowerCase();
    const all = await templates(signal);
    return all.filter((t) => t.name.toLowerCase().includes(needle) || t.id === needle).slice(0, SEARCH_LIMIT);
  }
  const collection = await requestHubspot(hubspotPaths.search(type), ObjectCollection, {
    method: "POST",
    body: recordSearchBody(type, term),
    signal,
  });
  return collection.results.map((object) => summarize(type, object));
}

export function searchRecordsQuery(type: AssociationTargetType, term: string) {
  return queryOptions({
    queryKey: recordKeys.search(type, term.trim().toLowerCase()),
    queryFn: ({ signal }) => searchRecords(type, term, signal),
    enabled: term.trim() !== "",
    staleTime: 60_000,
  });
}

/** Names of the given ids, and which ones do not exist: search with `hs_object_id IN [...]`, 100 at a time. */
export async function resolveRecords(
  type: AssociationTargetType,
  ids: readonly string[],
  signal?: AbortSignal,
): Promise<ResolvedRecords> {
  const wanted = [...new Set(ids)].filter((id) => RECORD_ID.test(id));
  const found = new Map<string, RecordSummary>();
  if (wanted.length > 0 && !isSearchable(type)) {
    for (const template of await templates(signal)) found.set(template.id, template);
  } else if (isSearchable(type)) {
    for (let from = 0; from < wanted.length; from += IDS_PER_REQUEST) {
      const values = wanted.slice(from, from + IDS_PER_REQUEST);
      const collection = await requestHubspot(hubspotPaths.search(type), ObjectCollection, {
        method: "POST",
        body: {
          filterGroups: [{ filters: [{ propertyName: "hs_object_id", operator: "IN", values }] }],
          properties: propertiesFor(type),
          limit: IDS_PER_REQUEST,
        } satisfies SearchRequestInput,
        signal,
      });
      for (const object of collection.results) found.set(object.id, summarize(type, object));
    }
  }
  return { found, missing: wanted.filter((id) => !found.has(id)) };
}

/** Ids are sorted into the key so the same set of ids shares one cache entry. */
export function resolveRecordsQuery(type: AssociationTargetType, ids: readonly string[]) {
  const sorted = [...new Set(ids)].filter((id) => RECORD_ID.test(id)).sort();
  return queryOptions({
    queryKey: recordKeys.byIds(type, sorted),
    queryFn: ({ signal }) => resolveRecords(type, sorted, signal),
    enabled: sorted.length > 0,
    staleTime: 5 * 60_000,
  });
}
