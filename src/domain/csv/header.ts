import { modeOf } from "./delimiter.ts";

const LOOK_AHEAD = 30;
const NUMBER_OR_DATE = /^[-+]?[\d\s.,/:\-年月日]+$/;

function filled(record: readonly string[]): number {
  let count = 0;
  for (const field of record) if (field.trim() !== "") count += 1;
  return count;
}

function looksLikeData(field: string): boolean {
  return NUMBER_OR_DATE.test(field.trim());
}

/**
 * The index of the header row among the first records, or `null` when the file starts with data.
 * Preamble rows (a title, "Report generated on…", blank lines) fill far fewer cells than the table's width,
 * so the header is the first row that fills most of the usual width and is followed by a row as wide.
 */
export function detectHeaderRow(records: readonly (readonly string[])[]): number | null {
  const head = records.slice(0, LOOK_AHEAD);
  const widths = head.map(filled).filter((count) => count > 0);
  const { value: width } = modeOf(widths);
  if (width === 0) return 0;
  const needed = width === 1 ? 1 : Math.max(2, Math.ceil(width * 0.6));
  for (let index = 0; index < head.length; index += 1) {
    const record = head[index]!;
    if (filled(record) < needed) continue;
    const next = head.slice(index + 1).find((candidate) => filled(candidate) > 0);
    if (next && filled(next) < needed) continue;
    return isHeaderLike(record) ? index : null;
  }
  return 0;
}

/** A header names things: mostly words, not numbers or dates. */
function isHeaderLike(record: readonly string[]): boolean {
  const nonEmpty = record.map((field) => field.trim()).filter((field) => field !== "");
  const dataLike = nonEmpty.filter(looksLikeData).length;
  return dataLike * 2 < nonEmpty.length || nonEmpty.length === 0;
}

/**
 * Column names from the header row, or positional names ("Column 1", "列 1": the caller's words, 1-based)
 * without one; blanks get a positional name too.
 */
export function columnNames(
  header: readonly string[] | null,
  width: number,
  positional: (column: number) => string,
): string[] {
  const names: string[] = [];
  for (let index = 0; index < width; index += 1) {
    const name = header?.[index]?.trim() ?? "";
    names.push(name === "" ? positional(index + 1) : name);
  }
  return names;
}
