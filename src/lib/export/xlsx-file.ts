import { strToU8, zipSync } from "fflate";
import { type WriteSheet, workbookParts } from "../../domain/xlsx/write-workbook.ts";

/**
 * An .xlsx file: the domain writes the SpreadsheetML parts, fflate (the ZIP library the import's reader
 * already uses) packs them. Imported dynamically by the export, so neither is in the initial bundle.
 */
export function xlsxBytes(sheets: readonly WriteSheet[]): Uint8Array<ArrayBuffer> {
  const parts = workbookParts(sheets);
  const zipped = zipSync(
    Object.fromEntries(Object.entries(parts).map(([path, xml]) => [path, strToU8(xml)])),
    {
      level: 6,
    },
  );
  // A copy on its own ArrayBuffer, which is what a Blob takes.
  return new Uint8Array(zipped);
}
