/**
 * Tolerant date reading for CSV values. Slash dates are ambiguous (03/04/2024), so the day-month order is
 * decided per file from all of its values (`analyseDateOrder`), and the user can override it.
 */
export type DateOrder = "MDY" | "DMY";

export interface DateOrderAnalysis {
  order: DateOrder;
  /** No value told the orders apart (every day and month ≤ 12): the user should confirm. */
  ambiguous: boolean;
  /** Some values only fit MDY and others only DMY. */
  conflicting: boolean;
  dmyOnly: number;
  mdyOnly: number;
}

const ISO =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/;
const YMD = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const SLASHED =
  /^(\d{1,2})[/-](\d{1,2})[/-](\d{2}|\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/;
const JAPANESE = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;
const SERIAL = /^\d{1,7}(\.\d+)?$/;
const MS_PER_DAY = 86_400_000;
/** 1899-12-30: Excel's day 0 once its fictional 1900-02-29 (serial 60) is skipped. */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

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

export function slashParts(value: string): { a: number; b: number } | undefined {
  const match = SLASHED.exec(value.trim());
  return match ? { a: Number(match[1]), b: Number(match[2]) } : undefined;
}

export function analyseDateOrder(values: Iterable<string>, fallback: DateOrder = "MDY"): DateOrderAnalysis {
  let dmyOnly = 0;
  let mdyOnly = 0;
  let slashed = 0;
  for (const value of values) {
    const parts = slashParts(value);
    if (!parts) continue;
    slashed += 1;
    if (parts.a > 12 && parts.b <= 12) dmyOnly += 1;
    else if (parts.b > 12 && parts.a <= 12) mdyOnly += 1;
  }
  const order: DateOrder = dmyOnly > mdyOnly ? "DMY" : mdyOnly > dmyOnly ? "MDY" : fallback;
  return {
    order,
    ambiguous: slashed > 0 && dmyOnly === 0 && mdyOnly === 0,
    conflicting: dmyOnly > 0 && mdyOnly > 0,
    dmyOnly,
    mdyOnly,
  };
}

function fullYear(year: string): number {
  const n = Number(year);
  return year.length === 2 ? (n < 70 ? 2000 + n : 1900 + n) : n;
}

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function parts(year: number, month: number, day: number, time: (string | undefined)[] = []): DateParts {
  const [h, m, s] = time;
  return {
    year,
    month,
    day,
    hour: Number(h ?? 0),
    minute: Number(m ?? 0),
    second: Number(s ?? 0),
    millisecond: 0,
  };
}

/** Excel serial day number → date parts. Serials below 61 predate Excel's fake leap day. */
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

function twelveHour(hour: string | undefined, meridiem: string | undefined): string | undefined {
  if (!meridiem || hour === undefined) return hour;
  const h = Number(hour) % 12;
  return String(meridiem.toLowerCase() === "pm" ? h + 12 : h);
}

type Reader = (match: RegExpExecArray, order: DateOrder) => DateParts;

/** Each supported form with how to read it; the first whose pattern matches wins. */
const READERS: readonly [RegExp, Reader][] = [
  [
    ISO,
    (m) => {
      const result = parts(Number(m[1]), Number(m[2]), Number(m[3]), [m[4], m[5], m[6]]);
      if (m[7]) result.millisecond = Math.round(Number(m[7]) * 1000);
      if (m[8]) result.offsetMinutes = offsetMinutes(m[8]);
      return result;
    },
  ],
  [YMD, (m) => parts(Number(m[1]), Number(m[2]), Number(m[3]), [m[4], m[5], m[6]])],
  [DOTTED, (m) => parts(fullYear(m[3]!), Number(m[2]), Number(m[1]), [m[4], m[5], m[6]])],
  [
    SLASHED,
    (m, order) => {
      const [a, b] = [Number(m[1]), Number(m[2])];
      const time = [twelveHour(m[4], m[7]), m[5], m[6]];
      return order === "DMY" ? parts(fullYear(m[3]!), b, a, time) : parts(fullYear(m[3]!), a, b, time);
    },
  ],
  [JAPANESE, (m) => parts(Number(m[1]), Number(m[2]), Number(m[3]))],
];

/** Reads a date or date-time in any of the supported forms, or `undefined`. */
export function parseDateParts(raw: string, order: DateOrder): DateParts | undefined {
  const value = raw.trim();
  for (const [pattern, read] of READERS) {
    const match = pattern.exec(value);
    if (!match) continue;
    const result = read(match, order);
    if (!isRealDate(result.year, result.month, result.day)) return undefined;
    if (result.hour > 23 || result.minute > 59 || result.second > 59) return undefined;
    return result;
  }
  return SERIAL.test(value) ? fromExcelSerial(Number(value)) : undefined;
}

function offsetMinutes(zone: string): number {
  if (zone === "Z") return 0;
  const sign = zone.startsWith("-") ? -1 : 1;
  const digits = zone.slice(1).replace(":", "");
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

export function toIsoDateString(p: DateParts): string {
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/** A datetime without a zone is read as UTC: the file does not say which zone it meant. */
export function toIsoDateTimeString(p: DateParts): string {
  const local = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.millisecond);
  return new Date(local - (p.offsetMinutes ?? 0) * 60_000).toISOString();
}
