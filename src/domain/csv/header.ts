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
    if (!isHeaderLike(record)) return null;
    return isGroupRow(record, head[index + 1], head[index + 2]) ? index + 1 : index;
  }
  return 0;
}

/**
 * Group titles above the column names: a two-row header ("見積もり" over 見積もり名 · 有効期限, "送信者"
 * over 名 · メール). A workbook's merged title fills every cell it spans (`parseSheet`), so the row is as
 * wide as the table: it is a group row when a title repeats in adjacent cells, the row below names those
 * columns apart with words only, and the row after that holds data (a number or a date). A header cell
 * spanning two columns above data (金額 over 1000 · JPY) is not one: the row below it is data.
 */
export function isGroupRow(
  record: readonly string[],
  below: readonly string[] | undefined,
  after: readonly string[] | undefined,
): boolean {
  if (!below || !after) return false;
  let spans = false;
  for (let column = 1; column < record.length; column += 1) {
    const title = record[column]!.trim();
    if (title === "" || title !== record[column - 1]!.trim()) continue;
    const [left, right] = [below[column - 1]?.trim() ?? "", below[column]?.trim() ?? ""];
    if (left === "" || right === "" || left === right) return false;
    spans = true;
  }
  if (!spans) return false;
  const words = below.filter((field) => field.trim() !== "");
  return words.length > 0 && !words.some(looksLikeData) && after.some((field) => looksLikeData(field));
}

/**
 * Column names for a header row, with the group titles of the row above it (a two-row header) put in front
 * of the names that would otherwise repeat: "送信者 名" and "担当者 名", not two columns called "名"; a name
 * left empty under a title takes the title.
 */
export function headerWithGroups(
  header: readonly string[] | null,
  groups: readonly string[] | null,
): string[] | null {
  if (!header || !groups) return header ? [...header] : null;
  const counts = new Map<string, number>();
  for (const name of header) counts.set(name.trim(), (counts.get(name.trim()) ?? 0) + 1);
  return header.map((raw, column) => {
    const group = groups[column]?.trim() ?? "";
    const name = raw.trim();
    if (name === "") return group;
    return (counts.get(name) ?? 0) > 1 && group !== "" && group !== name ? `${group} ${name}` : raw;
  });
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
