import type { IssueValues } from "../validation/issue.ts";

/**
 * What is wrong with a file being imported, as data (decision 070): the UI shows message
 * `issue.<code>` in the user's language. Each says what is wrong, where (file, row, column, sheet),
 * and what to do next. Values are raw: sizes in bytes under keys ending in `Bytes`, row numbers as
 * the spreadsheet shows them.
 */
export type FileIssueCode =
  | "file.otherSpreadsheet"
  | "file.notCsv"
  | "file.tooLarge"
  | "file.empty"
  | "file.xls"
  | "file.binary"
  | "file.damagedWorkbook"
  | "file.zipNotWorkbook"
  | "file.noSheets"
  | "file.noSheet"
  | "file.notMapped"
  | "file.readerStopped"
  | "file.unexpected"
  | "file.noRows"
  | "file.noDataRows"
  | "file.sheetNoRows"
  | "file.sheetNoDataRows"
  | "file.emptyHeader"
  | "file.duplicateHeader"
  | "file.raggedRows"
  | "file.unbalancedQuotes"
  | "file.encoding";

export interface FileIssue {
  readonly code: FileIssueCode;
  readonly values?: IssueValues;
}

export function fileIssue(code: FileIssueCode, values?: IssueValues): FileIssue {
  return values ? { code, values } : { code };
}

/**
 * An error that carries a `FileIssue` across the worker boundary and up to the page, which puts it in
 * words. The `message` is English for logs only; the user reads the issue.
 */
export class FileIssueError extends Error {
  readonly issue: FileIssue;
  constructor(issue: FileIssue) {
    super(`${issue.code}${issue.values ? ` ${JSON.stringify(issue.values)}` : ""}`);
    this.name = "FileIssueError";
    this.issue = issue;
  }
}

/** Any error as a file issue: ours as they are, anything else as "unexpected" with its text as detail. */
export function asFileIssue(error: unknown): FileIssue {
  if (error instanceof FileIssueError) return error.issue;
  return fileIssue("file.unexpected", { detail: error instanceof Error ? error.message : String(error) });
}
