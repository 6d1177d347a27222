import { OUTCOME_LABELS } from "./outcome-labels.ts";
import { quoteSummaryOf, syncQuotes } from "./quote-phases.ts";
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
/** With line items (decision 033): per quote, its lines, HubSpot's amount, publishing and links. */
const PHASE_HEADER = [
  "Line items",
  "Line items created",
  "Amount",
  "Currency",
  "Published",
  "Quote link",
  "PDF link",
  "Incomplete at",
];

/** The results as CSV (RFC 4180, CRLF line ends), one line per row in batch order. */
export function resultsCsv(state: SubmissionState): string {
  const withPhases = state.phases !== undefined;
  const lines = [(withPhases ? [...HEADER, ...PHASE_HEADER] : HEADER).join(",")];
  const rows = [...state.rows].sort((a, b) => a.rowNumber - b.rowNumber);
  const progress = new Map(
    state.phases ? syncQuotes(state.phases, state.rows).progress.map((p) => [p.rowId, p]) : [],
  );
  for (const row of rows) {
    const p = progress.get(row.rowId);
    const phaseCells = (): string[] => {
      if (!p) return PHASE_HEADER.map(() => "");
      const summary = quoteSummaryOf(p);
      return [
        String(summary.linesTotal),
        String(summary.linesDone),
        p.readBack.amount ?? "",
        p.readBack.currency ?? "",
        summary.published ? "yes" : "no",
        p.readBack.quoteLink ?? "",
        p.readBack.pdfLink ?? "",
        summary.complete ? "" : (summary.failedPhase ?? (summary.outcome === "unknown" ? "unknown" : "")),
      ];
    };
    lines.push(
      [
        String(row.rowNumber),
        row.title,
        row.hubspotId ?? "",
        OUTCOME_LABELS[row.outcome],
        row.error?.category ?? "",
        row.error?.message ?? "",
        row.error?.propertyName ?? "",
        ...(withPhases ? phaseCells() : []),
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
