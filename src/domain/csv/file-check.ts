/** 50 MB is ~400,000 quote rows: far beyond a batch, and small enough to parse in a few seconds. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;
const ACCEPTED = [".csv", ".tsv", ".txt", ".xlsx", ".xlsm"];
/** Spreadsheet formats that are not SpreadsheetML: old binary Excel, Excel binary, OpenDocument, Numbers. */
const OTHER_SPREADSHEETS = [".xls", ".xlsb", ".ods", ".numbers"];

export const EXCEL_HOW_TO =
  'In your spreadsheet choose File › Save As (or Export) › "Excel Workbook (*.xlsx)" or "CSV UTF-8 (Comma delimited) (*.csv)", then import that file.';

function extension(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot === -1 ? "" : name.slice(dot).toLowerCase();
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/** Why a file cannot be imported, judged from its name and size alone, or `undefined` if it may be. */
export function fileProblem(file: { name: string; size: number }): string | undefined {
  const ext = extension(file.name);
  if (OTHER_SPREADSHEETS.includes(ext))
    return `"${file.name}" is a ${ext} spreadsheet, which cannot be read here. ${EXCEL_HOW_TO}`;
  if (!ACCEPTED.includes(ext))
    return `"${file.name}" is not a CSV file or an Excel workbook. Import a .xlsx workbook or a .csv, .tsv or .txt file (comma-, semicolon- or tab-separated text).`;
  if (file.size > MAX_FILE_BYTES)
    return `"${file.name}" is ${formatBytes(file.size)}, over the ${formatBytes(MAX_FILE_BYTES)} limit. Split it into smaller files and import them one after another.`;
  if (file.size === 0)
    return `"${file.name}" is empty. Choose a file that has a header row and at least one row of data.`;
  return undefined;
}
