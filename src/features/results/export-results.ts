import {
  type ResultsColumn,
  type ResultsTable,
  type ResultsWords,
  resultsTable,
  tableCsv,
} from "../../domain/submission/export-csv.ts";
import type { SubmissionState } from "../../domain/submission/types.ts";
import { type Formatter, fileTimestamp } from "../../i18n/format.ts";
import { issueText, skippedReason } from "../../i18n/issue-text.ts";
import type { MessageId } from "../../i18n/messages.ts";
import { submissionText } from "../../i18n/submission-text.ts";
import type { Translate } from "../../i18n/use-t.ts";

export type ExportFormat = "csv-utf8" | "csv-cp932" | "xlsx";
export const EXPORT_FORMATS: readonly ExportFormat[] = ["csv-utf8", "csv-cp932", "xlsx"];

const COLUMN_MESSAGES: Record<ResultsColumn, MessageId> = {
  row: "rows.col.row",
  title: "rows.col.title",
  id: "rows.col.id",
  outcome: "rows.col.outcome",
  category: "rows.col.category",
  message: "export.col.message",
  property: "rows.col.property",
  lines: "rows.col.lines",
  linesCreated: "export.col.linesCreated",
  amount: "rows.col.amount",
  currency: "export.col.currency",
  published: "export.col.published",
  quoteLink: "rows.col.link",
  pdfLink: "export.col.pdfLink",
  incompleteAt: "export.col.incompleteAt",
};

const PHASE_MESSAGES = {
  quote: "export.phase.quote",
  "line items": "export.phase.lines",
  publish: "export.phase.publish",
  "read back": "export.phase.readBack",
  unknown: "export.phase.unknown",
} as const satisfies Record<Parameters<ResultsWords["phase"]>[0], MessageId>;

/** The export's headers and status words in the UI's language: the same words the Results table shows. */
export function resultsWords(t: Translate, formatter: Formatter): ResultsWords {
  const message = submissionText(t, formatter);
  const describeIssue = issueText(t, formatter);
  return {
    message,
    skippedReason: (row) => skippedReason(describeIssue, row),
    column: (column) => t(COLUMN_MESSAGES[column]),
    outcome: (outcome) => t(outcome === "skipped" ? "export.outcome.skipped" : `outcome.${outcome}`),
    yesNo: (value) => t(value ? "common.yes" : "common.no"),
    phase: (phase) => t(PHASE_MESSAGES[phase]),
  };
}

export interface ExportFile {
  name: string;
  blob: Blob;
  /** CP932 only: characters it cannot hold (written as "?") and the rows (as numbered) that have them. */
  unmappable?: { chars: string[]; rows: number[] } | undefined;
}

function rowsWith(table: ResultsTable, chars: readonly string[]): number[] {
  return table.rows
    .filter((cells) => cells.some((cell) => typeof cell === "string" && chars.some((c) => cell.includes(c))))
    .map((cells) => Number(cells[0]));
}

/**
 * The results as a file in the chosen format, named by the local time the screen shows for the submission
 * (not by UTC). The encoders are loaded only when asked for: they are not in the initial bundle.
 */
export async function buildResultsExport(
  state: SubmissionState,
  format: ExportFormat,
  t: Translate,
  formatter: Formatter,
): Promise<ExportFile> {
  const table = resultsTable(state, resultsWords(t, formatter));
  const base = `quote-results-${fileTimestamp(state.createdAt)}`;
  if (format === "xlsx") {
    const { xlsxBytes } = await import("../../lib/export/xlsx-file.ts");
    const bytes = xlsxBytes([{ name: t("export.sheetName"), rows: [table.header, ...table.rows] }]);
    return {
      name: `${base}.xlsx`,
      blob: new Blob([bytes], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }),
    };
  }
  const csv = tableCsv(table);
  if (format === "csv-cp932") {
    const { encodeCp932 } = await import("../../lib/export/cp932.ts");
    const { bytes, unmappable } = encodeCp932(csv);
    return {
      name: `${base}.csv`,
      blob: new Blob([bytes], { type: "text/csv;charset=shift_jis" }),
      unmappable:
        unmappable.length > 0 ? { chars: unmappable, rows: rowsWith(table, unmappable) } : undefined,
    };
  }
  // A BOM, so Excel reads UTF-8 titles right.
  return { name: `${base}.csv`, blob: new Blob([`\uFEFF${csv}`], { type: "text/csv;charset=utf-8" }) };
}
