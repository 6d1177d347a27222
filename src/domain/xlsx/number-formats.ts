import { attribute, decodeText } from "./xml.ts";

/** What a cell's number means by its style: a plain number, or a date, date-time or time of day. */
export type NumberKind = "number" | "date" | "datetime" | "time";

/**
 * Built-in format ids (ECMA-376 §18.8.30, with the Japanese locale's 27–36 and 50–58): dates 14–17, 27–31,
 * 34–36, 50–58; times 18–21, 32–33, 45–47; date-time 22.
 */
const BUILT_IN: Record<number, NumberKind> = {};
for (const id of [14, 15, 16, 17, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58])
  BUILT_IN[id] = "date";
for (const id of [18, 19, 20, 21, 32, 33, 45, 46, 47]) BUILT_IN[id] = "time";
BUILT_IN[22] = "datetime";

/** A custom format code's kind: "yyyy/mm/dd", "[$-411]ggge年m月d日", "m/d/yy h:mm", "#,##0.00". */
export function formatKind(code: string): NumberKind {
  const bare = code
    .split(";")[0]!
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, "")
    .trim();
  if (bare === "" || /^general$/i.test(bare) || bare.includes("@")) return "number";
  const digits = /[#0?]/.test(bare);
  // "e" and "g" are era tokens (ggge年) unless digits make them an exponent ("0.00E+00").
  const date = /[yd]/i.test(bare) || (/[eg]/i.test(bare) && !digits);
  if (digits && !date) return "number";
  const time = /[hs]|am\/pm|a\/p/i.test(bare);
  if (date && time) return "datetime";
  if (date) return "date";
  if (time) return "time";
  return /m/i.test(bare) ? "date" : "number";
}

/** `xl/styles.xml` → the kind of number for each cell style index (a cell's `s` attribute). */
export function parseStyleKinds(xml: string): NumberKind[] {
  const custom = new Map<number, NumberKind>();
  for (const match of xml.matchAll(/<numFmt\b([^>]*?)\/?>/g)) {
    const id = Number(attribute(match[1]!, "numFmtId"));
    const code = attribute(match[1]!, "formatCode");
    if (code !== undefined) custom.set(id, formatKind(decodeText(code)));
  }
  const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? "";
  const kinds: NumberKind[] = [];
  for (const match of cellXfs.matchAll(/<xf\b([^>]*?)\/?>/g)) {
    const id = Number(attribute(match[1]!, "numFmtId") ?? 0);
    kinds.push(custom.get(id) ?? BUILT_IN[id] ?? "number");
  }
  return kinds;
}
