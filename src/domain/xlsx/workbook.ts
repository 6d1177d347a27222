import { attribute } from "./xml.ts";

export interface SheetEntry {
  name: string;
  /** Path of the sheet's part inside the package, e.g. "xl/worksheets/sheet2.xml". */
  path: string;
  hidden: boolean;
}

export interface WorkbookInfo {
  sheets: SheetEntry[];
  /** Serial day 0 is 1904-01-01 (old Mac workbooks) instead of 1899-12-30. */
  date1904: boolean;
}

/** `xl/workbook.xml` and its relationships → the sheets in tab order, with where their parts are. */
export function parseWorkbook(workbookXml: string, relsXml: string): WorkbookInfo {
  const targets = new Map<string, string>();
  for (const match of relsXml.matchAll(/<Relationship\b([^>]*?)\/?>/g)) {
    const id = attribute(match[1]!, "Id");
    const target = attribute(match[1]!, "Target");
    if (id && target) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  const sheets: SheetEntry[] = [];
  for (const match of workbookXml.matchAll(/<sheet\b([^>]*?)\/?>/g)) {
    const attributes = match[1]!;
    const id = attribute(attributes, "r:id") ?? /\bid="([^"]*)"/.exec(attributes)?.[1];
    const path = id ? targets.get(id) : undefined;
    if (!path) continue;
    const state = attribute(attributes, "state");
    sheets.push({
      name: attribute(attributes, "name") ?? path,
      path,
      hidden: state === "hidden" || state === "veryHidden",
    });
  }
  const date1904 = /<workbookPr\b[^>]*\bdate1904="(1|true)"/.test(workbookXml);
  return { sheets, date1904 };
}
