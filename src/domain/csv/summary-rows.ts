import { toHalfWidth } from "../values/half-width.ts";

/**
 * Totals and other summary lines that spreadsheets put under a table ("Total,15,", "合計", "Summe", a row of
 * sums with no title). Imported, they became quotes — "Total" expiring 1900-01-15 — so the preview finds
 * them, shows them, and skips them unless the user says otherwise.
 */
const LABELS = new Set([
  "total",
  "totals",
  "grandtotal",
  "subtotal",
  "sum",
  "sums",
  "summe",
  "gesamt",
  "gesamtsumme",
  "zwischensumme",
  "insgesamt",
  "endsumme",
  "somme",
  "totale",
  "totaal",
  "suma",
  "summa",
  "average",
  "avg",
  "mean",
  "durchschnitt",
  "count",
  "anzahl",
  "moyenne",
  "計",
  "平均",
  "件数",
]);
const JAPANESE_TOTAL = /^(合計|総計|小計|総合計)/;
const NUMBER_LIKE = /^[-+]?[\d\s.,'%$€£¥円]*\d[\d\s.,'%$€£¥円]*$/;
/** A footer is a few lines; more than this at the end is data, whatever it looks like. */
const MAX_SUMMARY_ROWS = 5;
const SAMPLE_ROWS = 200;

const isBlank = (record: readonly string[]) => record.every((field) => field.trim() === "");
const isNumberLike = (field: string) => NUMBER_LIKE.test(toHalfWidth(field).trim());

export function isSummaryLabel(field: string): boolean {
  const name = toHalfWidth(field)
    .toLowerCase()
    .replace(/[([].*?[)\]]/g, "")
    .replace(/[\s:.,_\-=*]/g, "");
  return LABELS.has(name) || JAPANESE_TOTAL.test(name);
}

/** Columns that hold words in (nearly) every data row: a quote's title, a customer's name. */
function textColumns(records: readonly (readonly string[])[], from: number, to: number): number[] {
  const sample = records.slice(from, Math.min(to, from + SAMPLE_ROWS)).filter((record) => !isBlank(record));
  if (sample.length === 0) return [];
  const width = Math.max(...sample.map((record) => record.length));
  const columns: number[] = [];
  for (let column = 0; column < width; column += 1) {
    const words = sample.filter((record) => {
      const field = record[column]?.trim() ?? "";
      return field !== "" && !isNumberLike(field);
    }).length;
    if (words >= sample.length * 0.8) columns.push(column);
  }
  return columns;
}

function isSummary(record: readonly string[], words: readonly number[]): boolean {
  const filled = record.filter((field) => field.trim() !== "");
  if (filled.some(isSummaryLabel)) return true;
  // "  ,,15,1200": numbers only, where every data row has its title.
  return (
    words.length > 0 &&
    words.every((column) => (record[column]?.trim() ?? "") === "") &&
    filled.length > 0 &&
    filled.every(isNumberLike)
  );
}

/**
 * Where the trailing summary lines start (a record index), or `null` when the file ends with data.
 * Blank lines between and after them belong to the footer; at least one data row always remains.
 */
export function detectSummaryRows(
  records: readonly (readonly string[])[],
  firstDataRow: number,
): number | null {
  let index = records.length - 1;
  while (index >= firstDataRow && isBlank(records[index]!)) index -= 1;
  // The last line is the candidate; the rows above it say which columns always have words.
  const words = textColumns(records, firstDataRow, index);
  let from: number | null = null;
  let found = 0;
  for (; index > firstDataRow && found < MAX_SUMMARY_ROWS; index -= 1) {
    const record = records[index]!;
    if (isBlank(record)) continue;
    if (!isSummary(record, words)) break;
    from = index;
    found += 1;
  }
  return from;
}
