import type { ColumnKey } from "./columns.ts";
import type { BatchRow } from "./row.ts";

/**
 * Values set once for the whole batch (template, expiration, status, currency, language…) that every row
 * leaving the field empty takes; `publish` says whether the submission publishes the quotes it creates.
 */
export interface BatchDefaults {
  readonly cells: Readonly<Record<ColumnKey, string>>;
  readonly publish: boolean;
}

export const NO_DEFAULTS: BatchDefaults = Object.freeze({ cells: Object.freeze({}), publish: false });

/** Columns whose default may be relative to the day it is used ("+30" or "+30 days"). */
export const RELATIVE_DATE_KEYS: ReadonlySet<ColumnKey> = new Set(["hs_expiration_date"]);

const RELATIVE = /^\+\s*(\d{1,4})\s*(?:d|days?)?$/i;

/** The number of days in "+30" / "+30 days", or `undefined` when the text is not relative. */
export function relativeDays(text: string): number | undefined {
  const match = RELATIVE.exec(text.trim());
  return match ? Number(match[1]) : undefined;
}

/** `today` (YYYY-MM-DD) plus `days`, as a YYYY-MM-DD date (calendar arithmetic in UTC: no DST drift). */
export function addDays(today: string, days: number): string {
  const [year, month, day] = today.split("-").map(Number);
  const date = new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, (day ?? 1) + days));
  return date.toISOString().slice(0, 10);
}

/** A default as it applies on `today`: relative expiration dates become dates, anything else stays as it is. */
export function resolveDefault(key: ColumnKey, value: string, today: string): string {
  if (!RELATIVE_DATE_KEYS.has(key)) return value;
  const days = relativeDays(value);
  return days === undefined ? value : addDays(today, days);
}

/**
 * A row's effective values: its own cell, else the batch default. Returns the row's own cells object when
 * no default applies, so callers on the hot path allocate nothing for a batch without defaults.
 */
export function effectiveCells(
  row: Pick<BatchRow, "cells">,
  defaults: BatchDefaults,
  today: string,
): Readonly<Record<ColumnKey, string>> {
  let out: Record<ColumnKey, string> | undefined;
  for (const key in defaults.cells) {
    const value = defaults.cells[key] ?? "";
    if (value === "" || (row.cells[key] ?? "") !== "") continue;
    out ??= { ...row.cells };
    out[key] = resolveDefault(key, value, today);
  }
  return out ?? row.cells;
}

/** Whether the row's value for `key` comes from the batch default (for showing it as a placeholder). */
export function isDefaulted(row: Pick<BatchRow, "cells">, defaults: BatchDefaults, key: ColumnKey): boolean {
  return (row.cells[key] ?? "") === "" && (defaults.cells[key] ?? "") !== "";
}
