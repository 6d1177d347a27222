import { resultsCsv } from "../../domain/submission/export-csv.ts";
import type { SubmissionState } from "../../domain/submission/types.ts";
import { fileTimestamp } from "../../i18n/format.ts";
import { downloadFile } from "../../lib/download.ts";

/** Downloads the results as CSV (with a BOM so spreadsheet apps read UTF-8 titles right). */
export function downloadResultsCsv(state: SubmissionState): void {
  const blob = new Blob([`\uFEFF${resultsCsv(state)}`], { type: "text/csv;charset=utf-8" });
  // Named by the local time the screen shows for the submission, not by UTC.
  downloadFile(`quote-results-${fileTimestamp(state.createdAt)}.csv`, blob);
}
