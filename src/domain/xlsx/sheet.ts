import { fromExcelSerial } from "../values/dates.ts";
import type { NumberKind } from "./number-formats.ts";
import { attribute, decodeText, stringItemText } from "./xml.ts";

export interface SheetContext {
  strings: readonly string[];
  styles: readonly NumberKind[];
  date1904: boolean;
}

const ROW = /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g;
const CELL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
const VALUE = /<v\b[^>]*>([\s\S]*?)<\/v>/;
/** Days between Excel's 1900 and 1904 date systems. */
const DAYS_1904 = 1462;
/** A gap of empty rows is kept (row numbers stay Excel's) up to this size; beyond it, it is closed. */
const MAX_GAP = 10_000;

const pad = (n: number) => String(n).padStart(2, "0");

/** "AB12" → 27 (0-based column). */
export function columnIndex(reference: string): number {
  let index = 0;
  for (const char of reference) {
    const code = char.charCodeAt(0);
    if (code < 65 || code > 90) break;
    index = index * 26 + (code - 64);
  }
  return index - 1;
}

function rowIndex(reference: string): number {
  return Number(/\d+/.exec(reference)?.[0] ?? 0) - 1;
}

/** A date stored as a serial number, written as the value reader reads it ("2026-12-31", zone-less times). */
function serialText(serial: number, kind: NumberKind, date1904: boolean): string | undefined {
  if (kind === "time") {
    const seconds = Math.round((serial - Math.floor(serial)) * 86_400);
    return `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor((seconds % 3600) / 60))}`;
  }
  const parts = fromExcelSerial(date1904 ? serial + DAYS_1904 : serial);
  if (!parts) return undefined;
  const date = `${String(parts.year).padStart(4, "0")}-${pad(parts.month)}-${pad(parts.day)}`;
  return kind === "date" ? date : `${date} ${pad(parts.hour)}:${pad(parts.minute)}:${pad(parts.second)}`;
}

function cellText(attributes: string, body: string, context: SheetContext): string {
  const type = attribute(attributes, "t") ?? "n";
  if (type === "inlineStr") return stringItemText(/<is\b[^>]*>([\s\S]*?)<\/is>/.exec(body)?.[1] ?? "");
  // A formula's cached result is its <v>: what Excel showed when the file was saved.
  const raw = VALUE.exec(body)?.[1];
  if (raw === undefined) return "";
  switch (type) {
    case "s":
      return context.strings[Number(raw)] ?? "";
    case "b":
      return raw === "1" ? "TRUE" : "FALSE";
    case "str":
    case "e":
    case "d":
      return decodeText(raw);
    default: {
      const kind = context.styles[Number(attribute(attributes, "s") ?? 0)] ?? "number";
      const number = Number(raw);
      if (kind === "number" || !Number.isFinite(number)) return raw;
      return serialText(number, kind, context.date1904) ?? raw;
    }
  }
}

interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function parseMerges(xml: string): Merge[] {
  const merges: Merge[] = [];
  for (const match of xml.matchAll(/<mergeCell\b[^>]*\bref="([A-Z]+\d+):([A-Z]+\d+)"/g)) {
    const [from, to] = [match[1]!, match[2]!];
    merges.push({
      top: rowIndex(from),
      left: columnIndex(from),
      bottom: rowIndex(to),
      right: columnIndex(to),
    });
  }
  return merges;
}

/** A title merged across the top of a table ("2026年度 見積もり一覧") is a preamble line, not column names. */
function isBanner(record: readonly string[], merge: Merge): boolean {
  if (merge.left === merge.right) return false;
  return record.every((field, column) => field === "" || (column >= merge.left && column <= merge.right));
}

/**
 * A worksheet part → records as the CSV parser gives them: one string array per row from row 1, every row
 * as wide as the widest. Merged cells (a header spanning three columns, a deal spanning its rows) give
 * their value to every cell they cover, so each column has a name and each grouped row its value; a lone
 * title merged across the table stays in its first cell so that it still reads as a preamble.
 */
export function parseSheet(xml: string, context: SheetContext): string[][] {
  const records: string[][] = [];
  let width = 0;
  for (const row of xml.matchAll(ROW)) {
    const body = row[2];
    if (!body) continue;
    const cells: string[] = [];
    let next = 0;
    for (const cell of body.matchAll(CELL)) {
      const attributes = cell[1]!;
      const reference = attribute(attributes, "r");
      const column = reference ? columnIndex(reference) : next;
      next = column + 1;
      const text = cellText(attributes, cell[2] ?? "", context);
      if (text === "") continue;
      while (cells.length < column) cells.push("");
      cells[column] = text;
    }
    if (cells.length === 0) continue;
    const reference = attribute(row[1]!, "r");
    const index = reference ? Number(reference) - 1 : records.length;
    const gap = Math.min(index - records.length, MAX_GAP);
    for (let i = 0; i < gap; i += 1) records.push([]);
    records.push(cells);
    width = Math.max(width, cells.length);
  }
  for (const merge of parseMerges(xml)) {
    const value = records[merge.top]?.[merge.left] ?? "";
    if (value === "" || isBanner(records[merge.top]!, merge)) continue;
    for (let r = merge.top; r <= merge.bottom && r < records.length; r += 1)
      for (let c = merge.left; c <= merge.right; c += 1) {
        const record = records[r]!;
        while (record.length < c) record.push("");
        if ((record[c] ?? "") === "") record[c] = value;
        width = Math.max(width, record.length);
      }
  }
  for (const record of records) while (record.length < width) record.push("");
  return records;
}
