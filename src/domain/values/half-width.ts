// Printable ASCII needs no folding: the common case skips `normalize` (measured: most CSV values are ASCII).
const ASCII = /^[\x20-\x7e]*$/;
/** Minus signs that NFKC leaves alone but spreadsheets and Japanese IMEs produce. */
const MINUS = /[\u2212\u2010\u2011\u2012\u2013\ufe63]/g;

/**
 * What a value means once full-width forms are read as their half-width meaning (NFKC): "２０２６/１２/３１"
 * → "2026/12/31", "１２３" → "123", "ＵＳＤ" → "USD", U+3000 → " ", "㋿" → "令和". Used to *read* dates,
 * numbers, yes/no, options and ids; free text is sent as typed, because NFKC would also rewrite names
 * ("㈱" → "(株)", half-width katakana → full-width).
 */
export function toHalfWidth(value: string): string {
  if (ASCII.test(value)) return value;
  return value.normalize("NFKC").replace(MINUS, "-");
}
