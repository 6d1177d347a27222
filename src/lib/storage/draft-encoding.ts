import { z } from "zod";

/** A line item as storage sees it (structurally the domain's LineRow; lib does not import domain). */
export interface StoredLine {
  readonly id: string;
  readonly cells: Readonly<Record<string, string>>;
}

/** A batch row as storage sees it (structurally the domain's BatchRow). */
export interface StoredRow {
  readonly id: string;
  readonly cells: Readonly<Record<string, string>>;
  readonly lines: readonly StoredLine[];
}

/** The batch defaults (structurally the domain's BatchDefaults). */
export const StoredDefaults = z.object({
  cells: z.record(z.string(), z.string()),
  publish: z.boolean(),
});
export type StoredDefaults = z.infer<typeof StoredDefaults>;

export interface StoredDraft {
  rows: StoredRow[];
  defaults: StoredDefaults | undefined;
}

/**
 * Rows stored compactly: the column keys once, then each slice of rows as one JSON string of value
 * arrays. One string per slice is cheap for IndexedDB to clone, and slices let encoding yield to typing.
 * Line items (since version 2) are stored the same way: line-item columns once, and beside each row slice
 * one string holding, per row, its lines as `[id, ...values]` arrays. Version 1 drafts have neither lines
 * nor defaults and still load.
 */
export const EncodedRows = z.object({
  version: z.union([z.literal(1), z.literal(2)]),
  columns: z.array(z.string()),
  ids: z.array(z.string()),
  slices: z.array(z.string()),
  lineColumns: z.array(z.string()).optional(),
  lineSlices: z.array(z.string()).optional(),
  defaults: StoredDefaults.optional(),
});
export type EncodedRows = z.infer<typeof EncodedRows>;

export const ROWS_PER_SLICE = 2_000;

export function columnsOf(rows: readonly StoredRow[]): string[] {
  const columns = new Set<string>();
  addColumns(rows, columns, 0, rows.length);
  return [...columns];
}

function addColumns(rows: readonly StoredRow[], columns: Set<string>, from: number, to: number): void {
  for (let i = from; i < to; i += 1) {
    const cells = rows[i]?.cells;
    if (cells) for (const key in cells) columns.add(key);
  }
}

function addLineColumns(rows: readonly StoredRow[], columns: Set<string>, from: number, to: number): boolean {
  let any = false;
  for (let i = from; i < to; i += 1) {
    for (const line of rows[i]?.lines ?? []) {
      any = true;
      for (const key in line.cells) columns.add(key);
    }
  }
  return any;
}

function encodeSlice(rows: readonly StoredRow[], columns: readonly string[], from: number): string {
  const values: string[][] = [];
  const to = Math.min(rows.length, from + ROWS_PER_SLICE);
  for (let i = from; i < to; i += 1) {
    const cells = rows[i]?.cells ?? {};
    values.push(columns.map((key) => cells[key] ?? ""));
  }
  return JSON.stringify(values);
}

function encodeLineSlice(rows: readonly StoredRow[], columns: readonly string[], from: number): string {
  const values: string[][][] = [];
  const to = Math.min(rows.length, from + ROWS_PER_SLICE);
  for (let i = from; i < to; i += 1) {
    values.push(
      (rows[i]?.lines ?? []).map((line) => [line.id, ...columns.map((key) => line.cells[key] ?? "")]),
    );
  }
  return JSON.stringify(values);
}

interface Found {
  columns: string[];
  lineColumns: string[] | undefined;
}

function encoded(
  rows: readonly StoredRow[],
  found: Found,
  slices: string[],
  lineSlices: string[],
  defaults?: StoredDefaults,
): EncodedRows {
  return {
    version: 2,
    columns: found.columns,
    ids: rows.map((row) => row.id),
    slices,
    ...(found.lineColumns ? { lineColumns: found.lineColumns, lineSlices } : {}),
    ...(defaults ? { defaults } : {}),
  };
}

/** Encodes in slices, awaiting `pause()` between them so a 50,000-row save never blocks input for long. */
export async function encodeRows(
  rows: readonly StoredRow[],
  pause: () => Promise<void> = () => Promise.resolve(),
  defaults?: StoredDefaults,
): Promise<EncodedRows> {
  // Even finding the columns is a pass over every cell: it yields between slices too.
  const columns = new Set<string>();
  const lineColumns = new Set<string>();
  let anyLines = false;
  for (let from = 0; from < rows.length; from += ROWS_PER_SLICE) {
    const to = Math.min(rows.length, from + ROWS_PER_SLICE);
    addColumns(rows, columns, from, to);
    anyLines = addLineColumns(rows, lineColumns, from, to) || anyLines;
    if (rows.length > ROWS_PER_SLICE) await pause();
  }
  const found = { columns: [...columns], lineColumns: anyLines ? [...lineColumns] : undefined };
  const slices: string[] = [];
  const lineSlices: string[] = [];
  for (let from = 0; from < rows.length; from += ROWS_PER_SLICE) {
    slices.push(encodeSlice(rows, found.columns, from));
    if (found.lineColumns) lineSlices.push(encodeLineSlice(rows, found.lineColumns, from));
    if (from + ROWS_PER_SLICE < rows.length) await pause();
  }
  return encoded(rows, found, slices, lineSlices, defaults);
}

/** Same, in one go: for `pagehide`, when there is no time to yield. */
export function encodeRowsNow(rows: readonly StoredRow[], defaults?: StoredDefaults): EncodedRows {
  const lineColumns = new Set<string>();
  const anyLines = addLineColumns(rows, lineColumns, 0, rows.length);
  const found = { columns: columnsOf(rows), lineColumns: anyLines ? [...lineColumns] : undefined };
  const slices: string[] = [];
  const lineSlices: string[] = [];
  for (let from = 0; from < rows.length; from += ROWS_PER_SLICE) {
    slices.push(encodeSlice(rows, found.columns, from));
    if (found.lineColumns) lineSlices.push(encodeLineSlice(rows, found.lineColumns, from));
  }
  return encoded(rows, found, slices, lineSlices, defaults);
}

/** The values of one slice, or `undefined` when it is damaged (checked by hand: zod is 10× slower here). */
function parseSlice(slice: string | undefined): unknown[] | undefined {
  if (slice === undefined) return undefined;
  try {
    const values: unknown = JSON.parse(slice);
    return Array.isArray(values) ? values : undefined;
  } catch {
    return undefined;
  }
}

function cellsOf(
  values: readonly unknown[],
  columns: readonly string[],
  offset: number,
): Record<string, string> {
  const cells: Record<string, string> = {};
  for (let j = 0; j < columns.length; j += 1) {
    const cell: unknown = values[j + offset];
    const key = columns[j];
    if (typeof cell === "string" && cell !== "" && key !== undefined) cells[key] = cell;
  }
  return cells;
}

/** One row's stored lines; anything damaged is left out rather than failing the row. */
function linesOf(value: unknown, columns: readonly string[]): StoredLine[] {
  if (!Array.isArray(value)) return [];
  const lines: StoredLine[] = [];
  for (const line of value) {
    if (!Array.isArray(line) || typeof line[0] !== "string") continue;
    lines.push({ id: line[0], cells: cellsOf(line, columns, 1) });
  }
  return lines;
}

/** Decodes what `encodeRows` stored; a damaged slice loses its rows, not the whole draft. */
export function decodeDraft(value: unknown): StoredDraft {
  const parsed = EncodedRows.safeParse(value);
  if (!parsed.success) return { rows: [], defaults: undefined };
  const { columns, ids, slices, lineColumns = [], lineSlices = [], defaults } = parsed.data;
  const rows: StoredRow[] = [];
  for (let s = 0; s < slices.length; s += 1) {
    const values = parseSlice(slices[s]);
    if (!values) continue;
    const lineValues = parseSlice(lineSlices[s]) ?? [];
    for (let i = 0; i < values.length; i += 1) {
      const id = ids[s * ROWS_PER_SLICE + i];
      const rowValues = values[i];
      if (id === undefined || !Array.isArray(rowValues)) continue;
      rows.push({ id, cells: cellsOf(rowValues, columns, 0), lines: linesOf(lineValues[i], lineColumns) });
    }
  }
  return { rows, defaults };
}

export function decodeRows(value: unknown): StoredRow[] {
  return decodeDraft(value).rows;
}
