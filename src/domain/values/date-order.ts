import type { DateOrder } from "./dates.ts";
import { toHalfWidth } from "./half-width.ts";

export interface DateOrderAnalysis {
  order: DateOrder;
  /** No value told the orders apart (every day and month ≤ 12): the user should confirm. */
  ambiguous: boolean;
  /** Some values only fit MDY and others only DMY. */
  conflicting: boolean;
  dmyOnly: number;
  mdyOnly: number;
}

const SLASHED = /^\s*(\d{1,2})[/-](\d{1,2})[/-](\d{2}|\d{4})(?!\d)/;

export function slashParts(value: string): { a: number; b: number } | undefined {
  const match = SLASHED.exec(toHalfWidth(value));
  return match ? { a: Number(match[1]), b: Number(match[2]) } : undefined;
}

/**
 * One day-month order for values entered together (a file, a pasted block, a typed value): those that can
 * only be read one way decide; when none does, `fallback` (the file's or the user's locale) does.
 */
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

/** The order the user's locale writes numeric dates in (en-US month first; en-GB, de, fr day first). */
export function localeDateOrder(locale: string | undefined): DateOrder {
  try {
    const parts = new Intl.DateTimeFormat(locale, { year: "numeric", month: "2-digit", day: "2-digit" })
      .formatToParts(new Date(Date.UTC(2026, 11, 31)))
      .map((part) => part.type);
    return parts.indexOf("day") < parts.indexOf("month") ? "DMY" : "MDY";
  } catch {
    return "MDY";
  }
}
