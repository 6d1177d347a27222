import type { ColumnKey } from "../../../domain/batch/columns.ts";
import type { CoercionStats } from "../../../domain/csv/coerce.ts";
import type { CsvDelimiter } from "../../../domain/csv/delimiter.ts";
import type { CsvEncoding, EncodingGuess } from "../../../domain/csv/encoding.ts";
import type { FileIssue } from "../../../domain/csv/file-issue.ts";
import type { ImportColumn } from "../../../domain/csv/plan.ts";
import type { DateOrderAnalysis } from "../../../domain/values/date-order.ts";
import type { DateOrder } from "../../../domain/values/dates.ts";
import type { DecimalSeparator } from "../../../domain/values/numbers.ts";

/** Messages between the import dialog and the parse worker. Every request carries an id; replies echo it. */
export interface ParseOptions {
  encoding?: CsvEncoding;
  delimiter?: CsvDelimiter;
  /** Which sheet of a workbook to read (index in tab order); the first with rows when absent. */
  sheet?: number;
}

/** The sheets of an .xlsx workbook, for the sheet picker, and the one read. */
export interface WorkbookSummary {
  sheets: { name: string; rows: number; hidden: boolean }[];
  sheet: number;
}

export type WorkerRequest =
  | { type: "parse"; id: number; source: Blob | string; options: ParseOptions }
  | {
      type: "analyse";
      id: number;
      headerRow: number | null;
      /** Records from here on are not imported (skipped summary rows); null imports to the end. */
      dataEnd: number | null;
      columns: ImportColumn[];
      /** The user's choice; null lets the values decide, with `fallbackDateOrder` when they cannot. */
      dateOrder: DateOrder | null;
      fallbackDateOrder: DateOrder;
    }
  | { type: "import"; id: number; chunkRows: number }
  | { type: "bench-raw-papaparse"; id: number };

/** Per width of record: how many records have it and the first few of them (0-based record indexes). */
export type WidthHistogram = Record<number, { count: number; first: number[] }>;

export interface ParseSummary {
  detectedEncoding: EncodingGuess;
  encoding: CsvEncoding;
  detectedDelimiter: CsvDelimiter;
  delimiter: CsvDelimiter;
  detectedHeaderRow: number | null;
  /** First records as parsed, enough to show 100 rows after any header the user may pick. */
  preview: string[][];
  /** Totals lines at the end ("Total,15,", "合計"): where they start, and their records to show. */
  summaryRows: { from: number; records: { index: number; fields: string[] }[] } | null;
  totalRecords: number;
  widths: WidthHistogram;
  /** 1-based record number where a quoted field never closes. */
  unbalancedQuoteRow: number | null;
  /** The text decoded to U+FFFD somewhere: the encoding is probably wrong. */
  replacementChars: number;
  /** Set for an Excel workbook (encoding and delimiter then do not apply). */
  workbook: WorkbookSummary | null;
  timings: { readMs: number; decodeMs: number; parseMs: number; bytes: number };
}

export interface ColumnSummary {
  column: number;
  key: ColumnKey;
  stats: CoercionStats;
  decimal: DecimalSeparator;
  /** The first coerced values, for the mapping preview. */
  sample: string[];
}

export interface AnalyseSummary {
  dateOrder: DateOrder;
  dateAnalysis: DateOrderAnalysis;
  rowCount: number;
  columns: ColumnSummary[];
}

export type WorkerReply =
  | { type: "progress"; id: number; phase: "reading" | "parsing" | "converting"; fraction: number }
  | { type: "parsed"; id: number; summary: ParseSummary }
  | { type: "analysed"; id: number; summary: AnalyseSummary }
  | { type: "chunk"; id: number; keys: ColumnKey[]; columns: string[][]; rows: number }
  | { type: "imported"; id: number; rows: number }
  | { type: "bench"; id: number; rawMs: number; oursMs: number; bytes: number }
  /** What went wrong, as data: the page words it in the user's language. */
  | { type: "error"; id: number; issue: FileIssue };
