import { strFromU8, unzipSync } from "fflate";
import { FileIssueError, fileIssue } from "../../../domain/csv/file-issue.ts";
import { parseStyleKinds } from "../../../domain/xlsx/number-formats.ts";
import { parseSharedStrings } from "../../../domain/xlsx/shared-strings.ts";
import { parseSheet } from "../../../domain/xlsx/sheet.ts";
import type { SheetEntry } from "../../../domain/xlsx/workbook.ts";
import { parseWorkbook } from "../../../domain/xlsx/workbook.ts";

/**
 * An .xlsx workbook opened in the worker: fflate unzips only the parts a sheet's values need (workbook,
 * relationships, shared strings, styles, the chosen sheet) and the domain's SpreadsheetML readers turn
 * them into records. Loaded with a dynamic import only when a workbook arrives (decision note 021).
 */
export interface OpenWorkbook {
  sheets: readonly (SheetEntry & { rows: number })[];
  readSheet(index: number): string[][];
}

const WORKBOOK = "xl/workbook.xml";

export function openWorkbook(bytes: Uint8Array): OpenWorkbook {
  let files: Record<string, Uint8Array>;
  try {
    // Worksheets are unzipped on demand below; the rest is small.
    files = unzipSync(bytes, { filter: (file) => !file.name.startsWith("xl/worksheets/") });
  } catch {
    throw new FileIssueError(fileIssue("file.damagedWorkbook"));
  }
  const text = (name: string) => (files[name] ? strFromU8(files[name]!) : "");
  if (!files[WORKBOOK]) throw new FileIssueError(fileIssue("file.zipNotWorkbook"));
  const info = parseWorkbook(text(WORKBOOK), text("xl/_rels/workbook.xml.rels"));
  const context = {
    strings: parseSharedStrings(text("xl/sharedStrings.xml")),
    styles: parseStyleKinds(text("xl/styles.xml")),
    date1904: info.date1904,
  };
  const inflated = new Map<string, string>();
  const sheetXml = (path: string): string => {
    let xml = inflated.get(path);
    if (xml === undefined) {
      const part = unzipSync(bytes, { filter: (file) => file.name === path })[path];
      xml = part ? strFromU8(part) : "";
      inflated.set(path, xml);
    }
    return xml;
  };
  const sheets = info.sheets.map((sheet) => ({ ...sheet, rows: dimensionRows(sheetXml(sheet.path)) }));
  return {
    sheets,
    readSheet(index) {
      const sheet = info.sheets[index];
      if (!sheet) throw new FileIssueError(fileIssue("file.noSheet", { sheet: index + 1 }));
      return parseSheet(sheetXml(sheet.path), context);
    },
  };
}

/** Rows a sheet declares (`<dimension ref="A1:L10001"/>`), for the sheet picker; 0 when empty. */
function dimensionRows(xml: string): number {
  const match = /<dimension\b[^>]*\bref="[A-Z]+(\d+)(?::[A-Z]+(\d+))?"/.exec(xml);
  if (!match) return 0;
  const last = Number(match[2] ?? match[1]);
  return last === 1 && !/<c\b/.test(xml) ? 0 : last;
}
