import { quoteSummaryOf, syncQuotes } from "./quote-phases.ts";
import type { StoredMessage } from "./submission-message.ts";
import type { RowOutcome, SkippedRow, SubmissionState } from "./types.ts";

const FORMULA_START = /^[=+\-@\t\r]/;

/** Spreadsheets run a cell that starts with = + - @ (or a tab/CR) as a formula: prefix a quote. */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function csvCell(value: string | number): string {
  if (typeof value === "number") return String(value);
  const safe = neutraliseFormula(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export type ResultsColumn =
  | "row"
  | "title"
  | "id"
  | "outcome"
  | "category"
  | "message"
  | "property"
  | "lines"
  | "linesCreated"
  | "amount"
  | "currency"
  | "published"
  | "quoteLink"
  | "pdfLink"
  | "incompleteAt";

const COLUMNS: readonly ResultsColumn[] = [
  "row",
  "title",
  "id",
  "outcome",
  "category",
  "message",
  "property",
];
/** With line items (decision 033): per quote, its lines, HubSpot's amount, publishing and links. */
const PHASE_COLUMNS: readonly ResultsColumn[] = [
  "lines",
  "linesCreated",
  "amount",
  "currency",
  "published",
  "quoteLink",
  "pdfLink",
  "incompleteAt",
];

export type IncompletePhase = "quote" | "line items" | "publish" | "read back" | "unknown";

/** The words of an export in the user's language: headers and status words (the UI builds them). */
export interface ResultsWords {
  column(column: ResultsColumn): string;
  outcome(outcome: RowOutcome | "skipped"): string;
  yesNo(value: boolean): string;
  phase(phase: IncompletePhase): string;
  /** A row's message (a code, or older saves' text) in the same language. */
  message(message: StoredMessage): string;
  /** Why a row was skipped as invalid, in the same language (older saves: the submitter's words). */
  skippedReason(row: SkippedRow): string;
}

/** A results table for any file format: numbers stay numbers (a workbook keeps them as such). */
export interface ResultsTable {
  header: string[];
  rows: (string | number)[][];
}

/** HubSpot answers amounts as text ("1234.5"); a number when it is one, so a workbook can sum it. */
function amountCell(amount: string | undefined): string | number {
  if (amount === undefined || amount.trim() === "") return "";
  const value = Number(amount);
  return Number.isFinite(value) ? value : amount;
}

/** The results, one line per row in batch order, then the rows skipped as invalid. */
export function resultsTable(state: SubmissionState, words: ResultsWords): ResultsTable {
  const withPhases = state.phases !== undefined;
  const columns = withPhases ? [...COLUMNS, ...PHASE_COLUMNS] : COLUMNS;
  const rows: (string | number)[][] = [];
  const progress = new Map(
    state.phases ? syncQuotes(state.phases, state.rows).progress.map((p) => [p.rowId, p]) : [],
  );
  for (const row of [...state.rows].sort((a, b) => a.rowNumber - b.rowNumber)) {
    const p = progress.get(row.rowId);
    const phaseCells = (): (string | number)[] => {
      if (!p) return PHASE_COLUMNS.map(() => "");
      const summary = quoteSummaryOf(p);
      const incomplete = summary.failedPhase ?? (summary.outcome === "unknown" ? "unknown" : undefined);
      return [
        summary.linesTotal,
        summary.linesDone,
        amountCell(p.readBack.amount),
        p.readBack.currency ?? "",
        words.yesNo(summary.published),
        p.readBack.quoteLink ?? "",
        p.readBack.pdfLink ?? "",
        summary.complete || incomplete === undefined ? "" : words.phase(incomplete),
      ];
    };
    rows.push([
      row.rowNumber,
      row.title,
      row.hubspotId ?? "",
      words.outcome(row.outcome),
      row.error?.category ?? "",
      row.error ? words.message(row.error.message) : "",
      row.error?.propertyName ?? "",
      ...(withPhases ? phaseCells() : []),
    ]);
  }
  for (const skipped of state.skipped) {
    const cells = [
      skipped.rowNumber,
      skipped.title,
      "",
      words.outcome("skipped"),
      "INVALID",
      words.skippedReason(skipped),
      "",
    ];
    rows.push(withPhases ? [...cells, ...PHASE_COLUMNS.map(() => "")] : cells);
  }
  return { header: columns.map((column) => words.column(column)), rows };
}

/** A table as CSV (RFC 4180, CRLF line ends), formulas neutralised. */
export function tableCsv(table: ResultsTable): string {
  const lines = [table.header, ...table.rows].map((cells) => cells.map(csvCell).join(","));
  return `${lines.join("\r\n")}\r\n`;
}
