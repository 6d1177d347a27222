import { associationColumnKey, type ColumnKey } from "../batch/columns.ts";
import { PINNED_PROPERTY_NAMES } from "./build-columns.ts";
import type { ColumnDef } from "./column-def.ts";

/** Shown on a fresh browser, after the pinned two, when the account has them. */
export const DEFAULT_PROPERTY_KEYS: readonly ColumnKey[] = [
  "hs_status",
  "hs_currency",
  "hs_language",
  "hs_locale",
];

export const DEFAULT_ASSOCIATION_KEYS: readonly ColumnKey[] = [
  associationColumnKey({ toObjectType: "deals", category: "HUBSPOT_DEFINED", typeId: 64 }),
  associationColumnKey({ toObjectType: "quote_template", category: "HUBSPOT_DEFINED", typeId: 286 }),
  associationColumnKey({ toObjectType: "contacts", category: "HUBSPOT_DEFINED", typeId: 69 }),
  associationColumnKey({ toObjectType: "companies", category: "HUBSPOT_DEFINED", typeId: 71 }),
];

export function defaultLayout(): ColumnKey[] {
  return [...PINNED_PROPERTY_NAMES, ...DEFAULT_PROPERTY_KEYS, ...DEFAULT_ASSOCIATION_KEYS];
}

/**
 * The visible columns, in order: pinned ones first whatever was saved, then the saved keys that still
 * exist (a saved layout may name a property since deleted or made read-only: it is dropped silently).
 */
export function applyLayout(
  available: readonly ColumnDef[],
  saved: readonly ColumnKey[] | undefined,
): ColumnDef[] {
  const byKey = new Map(available.map((column) => [column.key, column]));
  const keys = saved ?? defaultLayout();
  const result: ColumnDef[] = [];
  const seen = new Set<ColumnKey>();
  const add = (key: ColumnKey) => {
    const column = byKey.get(key);
    if (!column || seen.has(key)) return;
    seen.add(key);
    result.push(column);
  };
  for (const key of PINNED_PROPERTY_NAMES) add(key);
  for (const key of keys) add(key);
  return result;
}

/** Moves `key` by `delta` places among the unpinned keys; pinned keys never move. */
export function moveColumn(keys: readonly ColumnKey[], key: ColumnKey, delta: number): ColumnKey[] {
  const pinned = keys.filter((k) => isPinnedKey(k));
  const rest = keys.filter((k) => !isPinnedKey(k));
  const from = rest.indexOf(key);
  if (from < 0) return [...keys];
  const to = Math.min(Math.max(from + delta, 0), rest.length - 1);
  rest.splice(from, 1);
  rest.splice(to, 0, key);
  return [...pinned, ...rest];
}

export function isPinnedKey(key: ColumnKey): boolean {
  return PINNED_PROPERTY_NAMES.some((name) => name === key);
}

/** Adds `key` at the end, or removes it; pinned keys cannot be removed. */
export function toggleColumn(keys: readonly ColumnKey[], key: ColumnKey, visible: boolean): ColumnKey[] {
  if (isPinnedKey(key)) return [...keys];
  const without = keys.filter((k) => k !== key);
  return visible ? [...without, key] : without;
}

/**
 * The columns a row's details show: the visible ones, then every other column the row has a value in
 * (a property imported from a CSV, or one hidden since), so no value of a row is out of sight.
 */
export function columnsForRow(
  visible: readonly ColumnDef[],
  available: readonly ColumnDef[],
  cells: Readonly<Record<ColumnKey, string>>,
): ColumnDef[] {
  const shown = new Set(visible.map((column) => column.key));
  const extra = available.filter((column) => !shown.has(column.key) && (cells[column.key] ?? "") !== "");
  return extra.length === 0 ? [...visible] : [...visible, ...extra];
}
