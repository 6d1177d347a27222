import { readEraDate } from "./japanese-eras.ts";

/**
 * Tolerant date reading for every entry path. Slash dates are ambiguous (03/04/2024), so the day-month
 * order is decided by the caller from all the values entered together (`analyseDateOrder`).
 * Values arrive trimmed and in half-width form (`toHalfWidth`).
 */
export type DateOrder = "MDY" | "DMY";

export interface DateParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** Minutes east of UTC, when the value said so. */
  offsetMinutes?: number;
}

interface Head {
  year: number;
  month: number;
  day: number;
  /** What followed the date: a time, or nothing. */
  rest: string;
}

const MS_PER_DAY = 86_400_000;
/** 1899-12-30: Excel's day 0 once its fictional 1900-02-29 (serial 60) is skipped. */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
/**
 * Serials are read only as five digits from 1970 (25569) on: a quote date is never earlier, and a small
 * number ("15" from a totals line) silently becoming 1900-01-15 was a reported defect.
 */
const SERIAL = /^(\d{5})(\.\d+)?$/;
const FIRST_SERIAL = 25_569;

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(.*)$/;
const YMD = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})(.*)$/;
const KANJI = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日(.*)$/;
const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?!\d)(.*)$/;
const SLASHED = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4}|\d{2})(?!\d)(.*)$/;
const NAMED_DMY = /^(\d{1,2})\.?[\s-]+(\p{L}{3,})\.?[\s,-]+(\d{4})(.*)$/u;
const NAMED_MDY = /^(\p{L}{3,})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(.*)$/u;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const TIME =
  /^(?:T|\s)*(\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(?:([ap])\.?m\.?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
/** "2026/12/31(木)", "2026年12月31日（木曜日）", "31.12.2026 (Thu)": Japanese Excel's default long format. */
const WEEKDAY = /\s*\((?:[日月火水木金土](?:曜日?)?|mon|tue|wed|thu|fri|sat|sun)\.?\)/i;

const MONTHS: readonly (readonly string[])[] = [
  ["january", "januar", "janvier"],
  ["february", "februar", "février"],
  ["march", "märz", "mrz", "mars"],
  ["april", "avril"],
  ["may", "mai"],
  ["june", "juni", "juin"],
  ["july", "juli", "juillet"],
  ["august", "août"],
  ["september", "septembre"],
  ["october", "oktober", "octobre"],
  ["november", "novembre"],
  ["december", "dezember", "décembre"],
];

function monthNumber(word: string): number | undefined {
  const lower = word.toLowerCase();
  const index = MONTHS.findIndex((names) =>
    names.some((name) => name === lower || (lower.length >= 3 && name.startsWith(lower))),
  );
  return index === -1 ? undefined : index + 1;
}

function fullYear(year: string): number {
  const n = Number(year);
  return year.length === 2 ? (n < 70 ? 2000 + n : 1900 + n) : n;
}

function head(value: string, order: DateOrder): Head | undefined {
  let m = ISO.exec(value) ?? YMD.exec(value) ?? KANJI.exec(value);
  if (m) return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), rest: m[4]! };
  m = DOTTED.exec(value);
  if (m) return { year: fullYear(m[3]!), month: Number(m[2]), day: Number(m[1]), rest: m[4]! };
  m = SLASHED.exec(value);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    const [month, day] = order === "DMY" ? [b, a] : [a, b];
    return { year: fullYear(m[3]!), month, day, rest: m[4]! };
  }
  const era = readEraDate(value);
  if (era) return era;
  m = NAMED_DMY.exec(value);
  const dmyMonth = m && monthNumber(m[2]!);
  if (m && dmyMonth) return { year: Number(m[3]), month: dmyMonth, day: Number(m[1]), rest: m[4]! };
  m = NAMED_MDY.exec(value);
  const mdyMonth = m && monthNumber(m[1]!);
  if (m && mdyMonth) return { year: Number(m[3]), month: mdyMonth, day: Number(m[2]), rest: m[4]! };
  m = COMPACT.exec(value);
  if (m && Number(m[1]) >= 1900 && Number(m[1]) < 2200)
    return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), rest: "" };
  return undefined;
}

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function offsetMinutes(zone: string): number {
  if (zone.toUpperCase() === "Z") return 0;
  const sign = zone.startsWith("-") ? -1 : 1;
  const digits = zone.slice(1).replace(":", "").padEnd(4, "0");
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
}

function withTime(date: Head): DateParts | undefined {
  const parts: DateParts = { ...date, hour: 0, minute: 0, second: 0, millisecond: 0 };
  const rest = date.rest.trim();
  if (rest === "") return parts;
  const t = TIME.exec(rest);
  if (!t) return undefined;
  let hour = Number(t[1]);
  if (t[5]) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (t[5].toLowerCase() === "p" ? 12 : 0);
  }
  parts.hour = hour;
  parts.minute = Number(t[2]);
  parts.second = Number(t[3] ?? 0);
  if (t[4]) parts.millisecond = Math.round(Number(t[4]) * 1000);
  if (t[6]) parts.offsetMinutes = offsetMinutes(t[6]);
  return parts;
}

/** Excel serial day number → date parts (its 1900-02-29 that never was is serial 60). */
export function fromExcelSerial(serial: number): DateParts | undefined {
  if (!(serial >= 1 && serial < 2_958_466) || serial === 60) return undefined;
  const days = Math.floor(serial);
  const base = days < 60 ? EXCEL_EPOCH + MS_PER_DAY : EXCEL_EPOCH;
  const ms = base + days * MS_PER_DAY + Math.round((serial - days) * MS_PER_DAY);
  const date = new Date(ms);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
    millisecond: 0,
  };
}

/** Reads a date or date-time in any of the supported forms, or `undefined`. */
export function parseDateParts(raw: string, order: DateOrder): DateParts | undefined {
  const value = raw.trim().replace(WEEKDAY, " ").trim();
  const date = head(value, order);
  if (date) {
    if (!isRealDate(date.year, date.month, date.day)) return undefined;
    const parts = withTime(date);
    if (!parts || parts.hour > 23 || parts.minute > 59 || parts.second > 59) return undefined;
    return parts;
  }
  const serial = SERIAL.exec(value);
  if (!serial || Number(serial[1]) < FIRST_SERIAL) return undefined;
  return fromExcelSerial(Number(value));
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

export function toIsoDateString(p: DateParts): string {
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/** "YYYY-MM-DDTHH:MM:SS" as written, for a caller that knows which zone a zone-less time is in. */
export function toLocalDateTimeString(p: DateParts): string {
  return `${toIsoDateString(p)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`;
}

/** An instant in UTC, for a value that named its zone (or when the caller decides the zone is UTC). */
export function toIsoDateTimeString(p: DateParts): string {
  const local = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.millisecond);
  return new Date(local - (p.offsetMinutes ?? 0) * 60_000).toISOString();
}
