import { type FileIssue, fileIssue } from "./file-issue.ts";

/** 50 MB is ~400,000 quote rows: far beyond a batch, and small enough to parse in a few seconds. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;
const ACCEPTED = [".csv", ".tsv", ".txt", ".xlsx", ".xlsm"];
/** Spreadsheet formats that are not SpreadsheetML: old binary Excel, Excel binary, OpenDocument, Numbers. */
const OTHER_SPREADSHEETS = [".xls", ".xlsb", ".ods", ".numbers"];

function extension(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot === -1 ? "" : name.slice(dot).toLowerCase();
}

/** Why a file cannot be imported, judged from its name and size alone, or `undefined` if it may be. */
export function fileProblem(file: { name: string; size: number }): FileIssue | undefined {
  const ext = extension(file.name);
  if (OTHER_SPREADSHEETS.includes(ext)) return fileIssue("file.otherSpreadsheet", { name: file.name, ext });
  if (!ACCEPTED.includes(ext)) return fileIssue("file.notCsv", { name: file.name });
  if (file.size > MAX_FILE_BYTES)
    return fileIssue("file.tooLarge", { name: file.name, sizeBytes: file.size, limitBytes: MAX_FILE_BYTES });
  if (file.size === 0) return fileIssue("file.empty", { name: file.name });
  return undefined;
}
