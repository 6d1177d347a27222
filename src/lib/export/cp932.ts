import Encoding from "encoding-japanese";

export interface Cp932Result {
  bytes: Uint8Array<ArrayBuffer>;
  /** Characters Shift_JIS (CP932) has no bytes for, each once, in order of appearance; written as "?". */
  unmappable: string[];
}

const toSjis = (text: string): number[] =>
  Encoding.convert(Encoding.stringToCode(text), {
    to: "SJIS",
    from: "UNICODE",
    type: "array",
    fallback: "error",
  });

/** Whether CP932 has bytes for one character (a code point: an emoji is one, not two halves). */
function mappable(char: string): boolean {
  try {
    return toSjis(char).length > 0;
  } catch {
    return false;
  }
}

/**
 * Text as Shift_JIS with Microsoft's extensions (CP932, what Japanese Excel reads by default), by
 * encoding-japanese (decision note 071). Characters it cannot hold (emoji, 𠮷, €, é, ¥ U+00A5) are listed
 * so the page can say so before saving; in the bytes they are "?", never dropped without a word.
 */
export function encodeCp932(text: string): Cp932Result {
  const unmappable: string[] = [];
  const checked = new Set<string>();
  for (const char of text) {
    if (char.charCodeAt(0) < 0x80 || checked.has(char)) continue;
    checked.add(char);
    if (!mappable(char)) unmappable.push(char);
  }
  let safe = text;
  for (const char of unmappable) safe = safe.replaceAll(char, "?");
  return { bytes: Uint8Array.from(toSjis(safe)), unmappable };
}
