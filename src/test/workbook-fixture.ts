import ExcelJS from "exceljs";

/** A cell as a test writes it: text, a number, a date (stored as an Excel date), a formula with its result. */
export type FixtureCell =
  | string
  | number
  | boolean
  | Date
  | { formula: string; result: string | number }
  | { date: Date; numFmt: string }
  | null;

export interface FixtureSheet {
  name: string;
  rows: FixtureCell[][];
  /** Ranges such as "A1:C1". */
  merges?: string[];
  /** Number format for Date cells (Excel's own short date when absent). */
  dateFormat?: string;
}

/** An .xlsx written by a real workbook library (exceljs), so the reader is tested against real files. */
export async function workbookBytes(sheets: readonly FixtureSheet[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name);
    sheet.rows.forEach((row, r) => {
      row.forEach((value, c) => {
        if (value === null) return;
        const cell = worksheet.getCell(r + 1, c + 1);
        if (typeof value === "object" && "date" in value) {
          cell.value = value.date;
          cell.numFmt = value.numFmt;
          return;
        }
        cell.value = value;
        if (value instanceof Date) cell.numFmt = sheet.dateFormat ?? "yyyy/mm/dd";
      });
    });
    for (const range of sheet.merges ?? []) worksheet.mergeCells(range);
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}
