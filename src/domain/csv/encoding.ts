import { decodeWindows1252 } from "./windows-1252.ts";

/**
 * Which text encoding a CSV file's bytes are in. Excel writes UTF-8 (with a BOM), UTF-16LE ("Unicode text"),
 * or the machine's legacy code page: CP932 on Japanese Windows, windows-1252 on Western Windows.
 */
export const CSV_ENCODINGS = ["utf-8", "utf-16le", "utf-16be", "shift_jis", "windows-1252"] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];

export type EncodingReason =
  | "bom"
  | "utf16-zeros"
  | "valid-utf8"
  | "japanese-pairs"
  | "western-letters"
  | "pasted"
  | "workbook";

export interface EncodingGuess {
  encoding: CsvEncoding;
  /** Bytes of byte-order mark to skip. */
  bomLength: number;
  /** Why this encoding was picked; the UI says it in the user's language (`csvImport.encodingReason.*`). */
  reason: EncodingReason;
}

const SAMPLE_BYTES = 64 * 1024;

export function sniffBom(bytes: Uint8Array): EncodingGuess | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { encoding: "utf-8", bomLength: 3, reason: "bom" };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", bomLength: 2, reason: "bom" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", bomLength: 2, reason: "bom" };
  return undefined;
}

/** UTF-16 text that is mostly ASCII has a NUL in every other byte: odd positions for LE, even for BE. */
export function sniffUtf16(bytes: Uint8Array): CsvEncoding | undefined {
  const length = Math.min(bytes.length, SAMPLE_BYTES) & ~1;
  if (length < 4) return undefined;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < length; i += 2) {
    if (bytes[i] === 0) evenNuls += 1;
    if (bytes[i + 1] === 0) oddNuls += 1;
  }
  const pairs = length / 2;
  if (oddNuls / pairs > 0.3 && evenNuls / pairs < 0.05) return "utf-16le";
  if (evenNuls / pairs > 0.3 && oddNuls / pairs < 0.05) return "utf-16be";
  return undefined;
}

/** Count of bytes that no text file has: NULs and C0 controls other than tab, LF, CR, FF and ESC. */
export function controlByteRatio(bytes: Uint8Array): number {
  const length = Math.min(bytes.length, SAMPLE_BYTES);
  if (length === 0) return 0;
  let controls = 0;
  for (let i = 0; i < length; i += 1) {
    const byte = bytes[i]!;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c && byte !== 0x1b)
      controls += 1;
  }
  return controls / length;
}

export function isValidUtf8(bytes: Uint8Array): boolean {
  return tryUtf8(bytes) !== undefined;
}

function tryUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function isSjisLead(byte: number): boolean {
  return (byte >= 0x81 && byte <= 0x9f) || (byte >= 0xe0 && byte <= 0xfc);
}

function isHalfWidthKana(byte: number): boolean {
  return byte >= 0xa1 && byte <= 0xdf;
}

function isSjisTrail(byte: number): boolean {
  return byte >= 0x40 && byte <= 0xfc && byte !== 0x7f;
}

/**
 * For bytes that are not UTF-8: Shift_JIS when the high bytes pair up as Shift_JIS lead/trail bytes and decode
 * without replacement characters; windows-1252 (lone accented letters between ASCII) otherwise.
 */
export function guessLegacyEncoding(bytes: Uint8Array): "shift_jis" | "windows-1252" {
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  let highBytes = 0;
  let pairedBytes = 0;
  for (let i = 0; i < sample.length; i += 1) {
    const byte = sample[i]!;
    if (byte < 0x80) continue;
    const next = sample[i + 1];
    if (isSjisLead(byte) && next !== undefined && isSjisTrail(next)) {
      highBytes += next >= 0x80 ? 2 : 1;
      pairedBytes += next >= 0x80 ? 2 : 1;
      i += 1;
      continue;
    }
    highBytes += 1;
    // Half-width katakana are single bytes in Shift_JIS and come in runs (ｶﾌﾞｼｷ); the same bytes in
    // windows-1252 are accented letters, mostly alone between ASCII ones. A run counts as Japanese, a lone
    // one half (a file of half-width katakana read as windows-1252 was "Ã½Ä" before).
    if (isHalfWidthKana(byte))
      pairedBytes += isHalfWidthKana(sample[i - 1] ?? 0) || isHalfWidthKana(next ?? 0) ? 1 : 0.5;
  }
  if (highBytes === 0) return "windows-1252";
  // A cut at the sample's end can split a pair; ignore a trailing replacement character.
  const decoded = new TextDecoder("shift_jis").decode(sample.subarray(0, trimSplitPair(sample)));
  // Characters no exported business file holds: undecodable pairs, and CP932's user-defined area (lead bytes
  // F0–F9, Unicode's private use area), where "ö" + an ASCII letter lands ("Ångström" read as "ﾅngstr").
  const implausible = countReplacements(decoded) + countPrivateUse(decoded);
  const pairShare = pairedBytes / highBytes;
  return pairShare >= 0.8 && implausible <= highBytes * 0.01 ? "shift_jis" : "windows-1252";
}

function trimSplitPair(sample: Uint8Array): number {
  const last = sample[sample.length - 1];
  return last !== undefined && isSjisLead(last) ? sample.length - 1 : sample.length;
}

function countPrivateUse(text: string): number {
  let count = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code >= 0xe000 && code <= 0xf8ff) count += 1;
  }
  return count;
}

export function countReplacements(text: string): number {
  let count = 0;
  for (let at = text.indexOf("\uFFFD"); at !== -1; at = text.indexOf("\uFFFD", at + 1)) count += 1;
  return count;
}

export type BinaryVerdict = { kind: "text" } | { kind: "excel"; format: "xlsx" | "xls" } | { kind: "binary" };

/** Excel workbooks and other binary files are recognised before any decoding is tried. */
export function classifyBytes(bytes: Uint8Array): BinaryVerdict {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)
    return { kind: "excel", format: "xlsx" };
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)
    return { kind: "excel", format: "xls" };
  if (sniffBom(bytes)?.encoding.startsWith("utf-16") || sniffUtf16(bytes)) return { kind: "text" };
  return controlByteRatio(bytes) > 0.001 ? { kind: "binary" } : { kind: "text" };
}

export function detectEncoding(bytes: Uint8Array): EncodingGuess {
  return detectAndDecode(bytes).guess;
}

/** Detects and decodes in one go, so valid UTF-8 (the common case) is decoded only once. */
export function detectAndDecode(bytes: Uint8Array): { guess: EncodingGuess; text: string } {
  const bom = sniffBom(bytes);
  if (bom) return { guess: bom, text: decodeBytes(bytes, bom.encoding) };
  const utf16 = sniffUtf16(bytes);
  if (utf16) {
    const guess: EncodingGuess = { encoding: utf16, bomLength: 0, reason: "utf16-zeros" };
    return { guess, text: decodeBytes(bytes, utf16) };
  }
  const utf8 = tryUtf8(bytes);
  if (utf8 !== undefined)
    return { guess: { encoding: "utf-8", bomLength: 0, reason: "valid-utf8" }, text: utf8 };
  const legacy = guessLegacyEncoding(bytes);
  const reason: EncodingReason = legacy === "shift_jis" ? "japanese-pairs" : "western-letters";
  return { guess: { encoding: legacy, bomLength: 0, reason }, text: decodeBytes(bytes, legacy) };
}

/** Decodes with the chosen encoding, skipping a BOM of that encoding if there is one. */
export function decodeBytes(bytes: Uint8Array, encoding: CsvEncoding): string {
  const bom = sniffBom(bytes);
  const skip = bom && bom.encoding === encoding ? bom.bomLength : 0;
  if (encoding === "windows-1252") return decodeWindows1252(bytes.subarray(skip));
  return new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes.subarray(skip));
}
