import Papa from "papaparse";
import { detectDelimiter } from "../../../domain/csv/delimiter.ts";
import {
  classifyBytes,
  countReplacements,
  decodeBytes,
  detectAndDecode,
  detectEncoding,
} from "../../../domain/csv/encoding.ts";
import { FileIssueError, fileIssue } from "../../../domain/csv/file-issue.ts";
import { detectHeaderRow } from "../../../domain/csv/header.ts";
import type { ColumnCoercion, CsvTable, ImportColumn } from "../../../domain/csv/plan.ts";
import { analyseFileDateOrder, coerceSlice, planCoercion } from "../../../domain/csv/plan.ts";
import { detectSummaryRows } from "../../../domain/csv/summary-rows.ts";
import type { DateOrder } from "../../../domain/values/dates.ts";
import { localToIso } from "../../../lib/local-time.ts";
import type { AnalyseSummary, ParseOptions, ParseSummary, WidthHistogram } from "./protocol.ts";
import type { OpenWorkbook } from "./read-workbook.ts";

const PREVIEW_RECORDS = 140;
/**
 * Chunks cost papaparse a re-scan of each chunk's partial last line: 1 MB chunks ran ~35% slower than one
 * pass, 4 MB ones ~2%. So four-ish progress steps on a large file, one pass on a small one.
 */
const MIN_PARSE_CHUNK_CHARS = 4 << 20;
const FIRST_LISTED = 12;

type Progress = (fraction: number) => void;

/**
 * The worker's state for one file: its bytes, the decoded text, the parsed records and the last coerced
 * columns. Kept here (not in the page) so the page never holds 100,000 raw records.
 */
export class ParseSession {
  private bytes: Uint8Array | null = null;
  private text = "";
  private records: string[][] = [];
  private headerRow: number | null = null;
  private dataEnd: number | null = null;
  private workbook: OpenWorkbook | null = null;
  private coerced: { plan: ColumnCoercion[]; columns: string[][] } | null = null;

  async load(source: Blob | string): Promise<number> {
    const started = performance.now();
    this.workbook = null;
    if (typeof source === "string") {
      this.bytes = null;
      this.text = source;
    } else this.bytes = new Uint8Array(await source.arrayBuffer());
    return performance.now() - started;
  }

  async parse(options: ParseOptions, readMs: number, progress: Progress): Promise<ParseSummary> {
    const verdict = this.bytes ? classifyBytes(this.bytes) : undefined;
    if (verdict?.kind === "excel" && verdict.format === "xlsx") return this.parseWorkbook(options, readMs);
    return this.parseText(options, readMs, progress);
  }

  private parseText(options: ParseOptions, readMs: number, progress: Progress): ParseSummary {
    const decodeStarted = performance.now();
    let detectedEncoding: ParseSummary["detectedEncoding"] = {
      encoding: "utf-8",
      bomLength: 0,
      reason: "pasted",
    };
    if (this.bytes) {
      refuseNonText(this.bytes);
      if (options.encoding) {
        detectedEncoding = detectEncoding(this.bytes);
        this.text = decodeBytes(this.bytes, options.encoding);
      } else {
        const decoded = detectAndDecode(this.bytes);
        detectedEncoding = decoded.guess;
        this.text = decoded.text;
      }
    }
    const encoding = options.encoding ?? detectedEncoding.encoding;
    const detectedDelimiter = detectDelimiter(this.text);
    const delimiter = options.delimiter ?? detectedDelimiter;
    const decodeMs = performance.now() - decodeStarted;

    const parseStarted = performance.now();
    const { records, unbalancedQuoteRow } = parseRecords(this.text, delimiter, progress);
    const parseMs = performance.now() - parseStarted;
    return this.summarise(records, {
      detectedEncoding,
      encoding,
      detectedDelimiter,
      delimiter,
      unbalancedQuoteRow,
      replacementChars: countReplacements(this.text.slice(0, 1 << 20)),
      workbook: null,
      timings: { readMs, decodeMs, parseMs, bytes: this.bytes?.length ?? this.text.length },
    });
  }

  /** An .xlsx workbook: the library is fetched only now, inside this worker (decision note 021). */
  private async parseWorkbook(options: ParseOptions, readMs: number): Promise<ParseSummary> {
    const bytes = this.bytes!;
    const started = performance.now();
    if (!this.workbook) {
      const { openWorkbook } = await import("./read-workbook.ts");
      this.workbook = openWorkbook(bytes);
    }
    const { sheets } = this.workbook;
    if (sheets.length === 0) throw new FileIssueError(fileIssue("file.noSheets"));
    // The first visible sheet with a header and data, as a person would look for it.
    const withData = sheets.findIndex((sheet) => !sheet.hidden && sheet.rows > 1);
    const withRows = sheets.findIndex((sheet) => !sheet.hidden && sheet.rows > 0);
    const sheet = options.sheet ?? Math.max(0, withData === -1 ? withRows : withData);
    const decodeMs = performance.now() - started;
    const parseStarted = performance.now();
    const records = this.workbook.readSheet(sheet);
    const parseMs = performance.now() - parseStarted;
    return this.summarise(records, {
      detectedEncoding: { encoding: "utf-8", bomLength: 0, reason: "workbook" },
      encoding: "utf-8",
      detectedDelimiter: ",",
      delimiter: ",",
      unbalancedQuoteRow: null,
      replacementChars: 0,
      workbook: { sheets: sheets.map(({ name, rows, hidden }) => ({ name, rows, hidden })), sheet },
      timings: { readMs, decodeMs, parseMs, bytes: bytes.length },
    });
  }

  private summarise(
    records: string[][],
    read: Omit<ParseSummary, "detectedHeaderRow" | "preview" | "summaryRows" | "totalRecords" | "widths">,
  ): ParseSummary {
    this.records = records;
    this.coerced = null;
    const preview = records.slice(0, PREVIEW_RECORDS);
    const detectedHeaderRow = detectHeaderRow(preview);
    const summaryFrom = detectSummaryRows(records, detectedHeaderRow === null ? 0 : detectedHeaderRow + 1);
    return {
      ...read,
      detectedHeaderRow,
      preview,
      summaryRows:
        summaryFrom === null
          ? null
          : {
              from: summaryFrom,
              records: records.slice(summaryFrom).map((fields, i) => ({ index: summaryFrom + i, fields })),
            },
      totalRecords: records.length,
      widths: widthHistogram(records),
    };
  }

  analyse(
    headerRow: number | null,
    dataEnd: number | null,
    columns: ImportColumn[],
    dateOrder: DateOrder | null,
    fallback: DateOrder,
    progress: Progress,
  ): AnalyseSummary {
    this.headerRow = headerRow;
    this.dataEnd = dataEnd;
    const table = this.table();
    const dateAnalysis = analyseFileDateOrder(table, columns, fallback);
    const order = dateOrder ?? dateAnalysis.order;
    const plan = planCoercion(table, columns, { dateOrder: order, localToIso });
    const columnsOut: string[][] = plan.map(() => []);
    const step = 20_000;
    for (let from = table.firstDataRow; from < table.dataEnd; from += step) {
      const to = Math.min(table.dataEnd, from + step);
      const slice = coerceSlice(table, plan, from, to);
      slice.forEach((values, c) => {
        const target = columnsOut[c]!;
        for (const value of values) target.push(value);
      });
      progress(to / table.dataEnd);
    }
    this.coerced = { plan, columns: columnsOut };
    return {
      dateOrder: order,
      dateAnalysis,
      rowCount: columnsOut[0]?.length ?? countDataRows(table),
      columns: plan.map((column, c) => ({
        column: column.column,
        key: column.key,
        stats: column.stats,
        decimal: column.decimal,
        sample: columnsOut[c]!.slice(0, 100),
      })),
    };
  }

  /** The coerced columns in slices of `chunkRows`, for the page to turn into batch rows bit by bit. */
  *chunks(chunkRows: number): Generator<{ keys: string[]; columns: string[][]; rows: number }> {
    if (!this.coerced) throw new FileIssueError(fileIssue("file.notMapped"));
    const { plan, columns } = this.coerced;
    const total = columns[0]?.length ?? 0;
    const keys = plan.map((column) => column.key);
    for (let from = 0; from < total; from += chunkRows) {
      const to = Math.min(total, from + chunkRows);
      yield { keys, columns: columns.map((values) => values.slice(from, to)), rows: to - from };
    }
  }

  /**
   * For the bench: plain `Papa.parse` on the decoded text against our whole path (decode, detect, chunked
   * parse) on the same bytes, alternated and best-of-five each so neither gains from a warmer JIT or heap.
   */
  compareWithPapaparse(): { rawMs: number; oursMs: number; bytes: number } {
    const text = this.text;
    let rawMs = Number.POSITIVE_INFINITY;
    let oursMs = Number.POSITIVE_INFINITY;
    // Both sides start from the file's bytes, as Papa.parse(file) does (it reads the file as UTF-8 text):
    // raw papaparse = decode + parse; ours = detect encoding + decode + detect delimiter + chunked parse.
    for (let round = 0; round < 5; round += 1) {
      let started = performance.now();
      Papa.parse<string[]>(this.bytes ? new TextDecoder().decode(this.bytes) : text);
      rawMs = Math.min(rawMs, performance.now() - started);
      started = performance.now();
      const decoded = this.bytes ? detectAndDecode(this.bytes).text : text;
      parseRecords(decoded, detectDelimiter(decoded), () => {});
      oursMs = Math.min(oursMs, performance.now() - started);
    }
    return { rawMs, oursMs, bytes: this.bytes?.length ?? text.length };
  }

  private table(): CsvTable {
    const firstDataRow = this.headerRow === null ? 0 : this.headerRow + 1;
    const end = this.dataEnd ?? this.records.length;
    return {
      records: this.records,
      firstDataRow,
      dataEnd: Math.max(firstDataRow, Math.min(end, this.records.length)),
    };
  }
}

function refuseNonText(bytes: Uint8Array): void {
  const verdict = classifyBytes(bytes);
  if (verdict.kind === "excel") throw new FileIssueError(fileIssue("file.xls"));
  if (verdict.kind === "binary") throw new FileIssueError(fileIssue("file.binary"));
}

function countDataRows(table: CsvTable): number {
  let count = 0;
  for (let row = table.firstDataRow; row < table.dataEnd; row += 1)
    if (table.records[row]!.some((field) => field.trim() !== "")) count += 1;
  return count;
}

type ChunkedConfig = Papa.ParseConfig<string[]> & {
  chunkSize: number;
  chunk: (results: Papa.ParseResult<string[]>) => void;
};

/**
 * papaparse over the decoded string in 1 MB chunks, so the page gets progress for a large file. (Its typings
 * only allow `chunk` for files, but its string streamer supports it.)
 */
function parseRecords(
  text: string,
  delimiter: string,
  progress: Progress,
): { records: string[][]; unbalancedQuoteRow: number | null } {
  let unbalancedQuoteRow: number | null = null;
  const parts: string[][][] = [];
  let parsedRecords = 0;
  let parsedChars = 0;
  const chunkSize = Math.max(MIN_PARSE_CHUNK_CHARS, Math.ceil(text.length / 4));
  const config: ChunkedConfig = {
    delimiter,
    // skipEmptyLines costs papaparse a filter pass per chunk; dropping blank lines afterwards is cheaper.
    chunkSize,
    chunk: (results) => {
      for (const error of results.errors)
        if (error.code === "MissingQuotes" && unbalancedQuoteRow === null)
          unbalancedQuoteRow = parsedRecords + (error.row ?? 0) + 1;
      parts.push(results.data);
      parsedRecords += results.data.length;
      parsedChars += chunkSize;
      progress(Math.min(1, parsedChars / Math.max(1, text.length)));
    },
  };
  Papa.parse<string[]>(text, config);
  const records = withoutBlankLines(parts.length === 1 ? parts[0]! : parts.flat());
  return { records, unbalancedQuoteRow };
}

function isBlankLine(record: readonly string[]): boolean {
  return record.length === 1 && record[0] === "";
}

function withoutBlankLines(records: string[][]): string[][] {
  return records.some(isBlankLine) ? records.filter((record) => !isBlankLine(record)) : records;
}

function widthHistogram(records: readonly string[][]): WidthHistogram {
  const histogram: WidthHistogram = {};
  records.forEach((record, index) => {
    const entry = histogram[record.length] ?? { count: 0, first: [] };
    entry.count += 1;
    if (entry.first.length < FIRST_LISTED) entry.first.push(index);
    histogram[record.length] = entry;
  });
  return histogram;
}
