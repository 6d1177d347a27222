import { OUTCOME_LABELS } from "./outcome-labels.ts";
import type { SubmissionState } from "./types.ts";

const FORMULA_START = /^[=+\-@\t\r]/;

/** Spreadsheets run a cell that starts with = + - @ (or a tab/CR) as a formula: prefix a quote. */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function csvCell(value: string): string {
  const safe = neutraliseFormula(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const HEADER = ["Row", "Title", "HubSpot id", "Outcome", "Error category", "Error message", "Property"];

/** The results as CSV (RFC 4180, CRLF line ends), one line per row in batch order. */
export function resultsCsv(state: SubmissionState): string {
  const lines = [HEADER.join(",")];
  const rows = [...state.rows].sort((a, b) => a.rowNumber - b.rowNumber);
  for (const row of rows) {
    lines.push(
      [
        String(row.rowNumber),
        row.title,
        row.hubspotId ?? "",
        OUTCOME_LABELS[row.outcome],
        row.error?.category ?? "",
        row.error?.message ?? "",
        row.error?.propertyName ?? "",
      ]
        .map(csvCell)
        .join(","),
    );
  }
  for (const skipped of state.skipped) {
    lines.push(
      [String(skipped.rowNumber), skipped.title, "", "skipped", "INVALID", skipped.reason, ""]
        .map(csvCell)
        .join(","),
    );
  }
  return `${lines.join("\r\n")}\r\n`;
}
