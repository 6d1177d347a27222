import { toHalfWidth } from "./half-width.ts";

/**
 * Numbers as spreadsheets export them: "1,234.56", "1.234,56", "1 234,56", "(12)" is not handled on purpose
 * (accounting negatives are rare in quote batches). The decimal separator is decided per column when a value
 * alone cannot tell ("1,234" is a thousand in the US and one-point-two in Germany).
 */
export type DecimalSeparator = "." | ",";

const SPACES = /[\s\u00a0\u202f']/g;
const CURRENCY = /^[$€£¥]|[$€£¥]$|\s?(USD|EUR|GBP|JPY|円)$/i;

/** Evidence from one value: which separator must be the decimal one, if the value decides it. */
function evidence(value: string): DecimalSeparator | undefined {
  const v = value.replace(SPACES, "");
  const lastDot = v.lastIndexOf(".");
  const lastComma = v.lastIndexOf(",");
  if (lastDot !== -1 && lastComma !== -1) return lastDot > lastComma ? "." : ",";
  if (lastComma !== -1) {
    const commas = v.split(",").length - 1;
    const after = v.length - lastComma - 1;
    if (commas === 1 && after !== 3) return ",";
    return undefined;
  }
  if (lastDot !== -1) {
    const dots = v.split(".").length - 1;
    const after = v.length - lastDot - 1;
    if (dots > 1) return ",";
    if (after !== 3) return ".";
  }
  return undefined;
}

export function analyseDecimalSeparator(values: Iterable<string>): DecimalSeparator {
  let dot = 0;
  let comma = 0;
  for (const value of values) {
    const seen = evidence(toHalfWidth(value).trim().replace(CURRENCY, ""));
    if (seen === ".") dot += 1;
    else if (seen === ",") comma += 1;
  }
  return comma > dot ? "," : ".";
}

const GROUPED: Record<DecimalSeparator, RegExp> = {
  ".": /^-?(\d{1,3}(,\d{3})+|\d*)(\.\d+)?$/,
  ",": /^-?(\d{1,3}(\.\d{3})+|\d*)(,\d+)?$/,
};

/** "1.234,56" with decimal "," → "1234.56"; `undefined` when it is not a number. */
export function normalizeNumber(raw: string, decimal: DecimalSeparator): string | undefined {
  let v = raw.trim().replace(CURRENCY, "").trim().replace(SPACES, "");
  if (v.startsWith("+")) v = v.slice(1);
  if (!/\d/.test(v)) return undefined;
  const own = evidence(v) ?? decimal;
  if (!GROUPED[own].test(v)) return undefined;
  v = own === "." ? v.replaceAll(",", "") : v.replaceAll(".", "").replace(",", ".");
  if (v.startsWith(".")) v = `0${v}`;
  if (v.startsWith("-.")) v = `-0${v.slice(1)}`;
  return v;
}
