import type { SearchRequest } from "../hubspot/search.ts";
import type { CrmRecord } from "./crm-data.ts";

type Filter = SearchRequest["filterGroups"][number]["filters"][number];

function comparable(value: string): number | string {
  if (/^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  const time = Date.parse(value);
  return Number.isNaN(time) ? value.toLowerCase() : time;
}

function compare(a: string, b: string): number {
  const x = comparable(a);
  const y = comparable(b);
  if (typeof x === "number" && typeof y === "number") return x - y;
  return String(x).localeCompare(String(y));
}

function tokens(value: string): string[] {
  return value
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** A record's own value: `__proto__`, `constructor` and friends are property names like any other. */
export function ownValue(properties: Record<string, string>, name: string): string | undefined {
  return Object.hasOwn(properties, name) ? properties[name] : undefined;
}

/** One filter against one record, with HubSpot's case-insensitive string equality. */
export function matchesFilter(record: CrmRecord, filter: Filter): boolean {
  const value = ownValue(record.properties, filter.propertyName);
  const has = value !== undefined && value !== "";
  const lower = value?.toLowerCase();
  const wanted = filter.value?.toLowerCase();
  const inValues = () => (filter.values ?? []).some((candidate) => candidate.toLowerCase() === lower);
  const containsToken = () => {
    const needle = (wanted ?? "").replace(/\*/g, "");
    return has && tokens(value ?? "").some((token) => token.startsWith(needle));
  };
  switch (filter.operator) {
    case "EQ":
      return has && lower === wanted;
    case "NEQ":
      return lower !== wanted;
    case "IN":
      return has && inValues();
    case "NOT_IN":
      return !inValues();
    case "HAS_PROPERTY":
      return has;
    case "NOT_HAS_PROPERTY":
      return !has;
    case "CONTAINS_TOKEN":
      return containsToken();
    case "NOT_CONTAINS_TOKEN":
      return !containsToken();
    case "GT":
      return has && compare(value ?? "", filter.value ?? "") > 0;
    case "GTE":
      return has && compare(value ?? "", filter.value ?? "") >= 0;
    case "LT":
      return has && compare(value ?? "", filter.value ?? "") < 0;
    case "LTE":
      return has && compare(value ?? "", filter.value ?? "") <= 0;
    case "BETWEEN":
      return (
        has &&
        compare(value ?? "", filter.value ?? "") >= 0 &&
        compare(value ?? "", filter.highValue ?? "") <= 0
      );
  }
}

/** Groups are ORed, the filters inside a group ANDed; no groups means everything. */
export function matchesFilterGroups(record: CrmRecord, groups: SearchRequest["filterGroups"]): boolean {
  if (groups.length === 0) return true;
  return groups.some((group) => group.filters.every((filter) => matchesFilter(record, filter)));
}

/**
 * `query`: an exact record id, or text found case-insensitively in the default searchable properties:
 * the whole query as a substring, or each of its words somewhere ("corp acme" finds "Acme Corp").
 */
export function matchesQuery(
  record: CrmRecord,
  query: string | undefined,
  searchable: readonly string[],
): boolean {
  const needle = query?.trim().toLowerCase() ?? "";
  if (needle === "") return true;
  if (record.id === needle) return true;
  const haystack = searchable.map((name) => ownValue(record.properties, name)?.toLowerCase() ?? "").join(" ");
  if (haystack.includes(needle)) return true;
  const words = needle.split(/\s+/);
  return words.length > 1 && words.every((word) => haystack.includes(word));
}

/** Sorts as strings: `"name"` ascending, `"-name"` or `"name DESC"` descending. */
export function sortRecords(records: readonly CrmRecord[], sorts: readonly string[]): CrmRecord[] {
  const keys = sorts.map((sort) => {
    const trimmed = sort.trim();
    const descending = trimmed.startsWith("-") || /\s+desc(ending)?$/i.test(trimmed);
    const name = trimmed.replace(/^-/, "").replace(/\s+(asc|desc)(ending)?$/i, "");
    return { name, sign: descending ? -1 : 1 };
  });
  return [...records].sort((a, b) => {
    for (const key of keys) {
      const order = compare(ownValue(a.properties, key.name) ?? "", ownValue(b.properties, key.name) ?? "");
      if (order !== 0) return order * key.sign;
    }
    return compare(a.id, b.id);
  });
}
