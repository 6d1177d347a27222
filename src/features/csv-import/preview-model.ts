import { type FileIssue, fileIssue } from "../../domain/csv/file-issue.ts";
import { headerWithGroups, isGroupRow } from "../../domain/csv/header.ts";
import type { CsvProblem } from "../../domain/csv/problems.ts";
import {
  encodingProblem,
  headerProblems,
  raggedRowProblem,
  unbalancedQuoteProblem,
} from "../../domain/csv/problems.ts";
import type { ParseSummary } from "./worker/protocol.ts";

export const PREVIEW_ROWS = 100;

/**
 * The header row's names as the import uses them: with a two-row header's group titles in front of names
 * that repeat under different titles (`headerWithGroups`); `null` without a header row.
 */
export function effectiveHeader(summary: ParseSummary, headerRow: number | null): string[] | null {
  if (headerRow === null) return null;
  const header = summary.preview[headerRow] ?? [];
  const above = headerRow > 0 ? summary.preview[headerRow - 1] : undefined;
  const groups = above && isGroupRow(above, header, summary.preview[headerRow + 1]) ? above : null;
  return headerWithGroups(header, groups);
}

/** Width of the table: the header's, or the most common record width without a header. */
export function tableWidth(summary: ParseSummary, headerRow: number | null): number {
  if (headerRow !== null) return summary.preview[headerRow]?.length ?? 0;
  let width = 0;
  let count = 0;
  for (const [w, entry] of Object.entries(summary.widths))
    if (entry.count > count) {
      width = Number(w);
      count = entry.count;
    }
  return width;
}

/** Where the import stops: before the summary rows when they are skipped (and below the header). */
export function dataEnd(
  summary: ParseSummary,
  headerRow: number | null,
  skipSummary: boolean,
): number | null {
  const from = summary.summaryRows?.from;
  if (!skipSummary || from === undefined) return null;
  return from > (headerRow === null ? 0 : headerRow + 1) ? from : null;
}

export function dataRowCount(
  summary: ParseSummary,
  headerRow: number | null,
  end: number | null = null,
): number {
  return (end ?? summary.totalRecords) - (headerRow === null ? 0 : headerRow + 1);
}

/** Problems with the file as read with this header row. */
export function fileProblems(summary: ParseSummary, headerRow: number | null): CsvProblem[] {
  const problems: CsvProblem[] = [];
  if (summary.unbalancedQuoteRow !== null) problems.push(unbalancedQuoteProblem(summary.unbalancedQuoteRow));
  problems.push(...headerProblems(effectiveHeader(summary, headerRow)));
  const width = tableWidth(summary, headerRow);
  const firstData = headerRow === null ? 0 : headerRow + 1;
  const ragged: { row: number; fields: number }[] = [];
  let total = 0;
  for (const [w, entry] of Object.entries(summary.widths)) {
    const fields = Number(w);
    if (fields === width) continue;
    // Preamble rows above the header are not data: leave them out of the count.
    const before = summary.preview.slice(0, firstData).filter((record) => record.length === fields).length;
    total += entry.count - before;
    for (const index of entry.first) if (index >= firstData) ragged.push({ row: index + 1, fields });
  }
  ragged.sort((a, b) => a.row - b.row);
  const raggedProblem = raggedRowProblem(width, ragged, total);
  if (raggedProblem) problems.push(raggedProblem);
  if (summary.replacementChars > 0) problems.push(encodingProblem(summary.replacementChars));
  return problems;
}

/** Why nothing can be imported from this file, in an alert, or `undefined`. */
export function fatalProblem(
  summary: ParseSummary,
  headerRow: number | null,
  name: string,
): FileIssue | undefined {
  // A workbook's problem names the sheet: the data may be on another one.
  const sheet = summary.workbook?.sheets[summary.workbook.sheet]?.name;
  if (summary.totalRecords === 0)
    return sheet === undefined
      ? fileIssue("file.noRows", { name })
      : fileIssue("file.sheetNoRows", { name, sheet });
  if (dataRowCount(summary, headerRow) <= 0)
    return sheet === undefined
      ? fileIssue("file.noDataRows", { name })
      : fileIssue("file.sheetNoDataRows", { name, sheet });
  return undefined;
}
