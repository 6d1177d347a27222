import { z } from "zod";

/** A batch row as storage sees it (structurally the domain's BatchRow; lib does not import domain). */
export interface StoredRow {
  readonly id: string;
  readonly cells: Readonly<Record<string, string>>;
}

/**
 * Rows stored compactly: the column keys once, then each slice of rows as one JSON string of value
 * arrays. One string per slice is cheap for IndexedDB to clone, and slices let encoding yield to typing.
 */
export const EncodedRows = z.object({
  version: z.literal(1),
  columns: z.array(z.string()),
  ids: z.array(z.string()),
  slices: z.array(z.string()),
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

function encodeSlice(rows: readonly StoredRow[], columns: readonly string[], from: number): string {
  const values: string[][] = [];
  const to = Math.min(rows.length, from + ROWS_PER_SLICE);
  for (let i = from; i < to; i += 1) {
    const cells = rows[i]?.cells ?? {};
    values.push(columns.map((key) => cells[key] ?? ""));
  }
  return JSON.stringify(values);
}

/** Encodes in slices, awaiting `pause()` between them so a 50,000-row save never blocks input for long. */
export async function encodeRows(
  rows: readonly StoredRow[],
  pause: () => Promise<void> = () => Promise.resolve(),
): Promise<EncodedRows> {
  // Even finding the columns is a pass over every cell: it yields between slices too.
  const found = new Set<string>();
  for (let from = 0; from < rows.length; from += ROWS_PER_SLICE) {
    addColumns(rows, found, from, Math.min(rows.length, from + ROWS_PER_SLICE));
    if (rows.length > ROWS_PER_SLICE) await pause();
  }
  const columns = [...found];
  const slices: string[] = [];
  for (let from = 0; from < rows.length; from += ROWS_PER_SLICE) {
    slices.push(encodeSlice(rows, columns, from));
    if (from + ROWS_PER_SLICE < rows.length) await pause();
  }
  return { version: 1, columns, ids: rows.map((row) => row.id), slices };
}

/** Same, in one go: for `pagehide`, when there is no time to yield. */
export function encodeRowsNow(rows: readonly StoredRow[]): EncodedRows {
  const columns = columnsOf(rows);
  const slices: string[] = [];
  for (let from = 0; from < rows.length; from += ROWS_PER_SLICE)
    slices.push(encodeSlice(rows, columns, from));
  return { version: 1, columns, ids: rows.map((row) => row.id), slices };
}

/** The values of one slice, or `undefined` when it is damaged (checked by hand: zod is 10× slower here). */
function parseSlice(slice: string): unknown[] | undefined {
  try {
    const values: unknown = JSON.parse(slice);
    return Array.isArray(values) ? values : undefined;
  } catch {
    return undefined;
  }
}

/** Decodes what `encodeRows` stored; a damaged slice loses its rows, not the whole draft. */
export function decodeRows(value: unknown): StoredRow[] {
  const encoded = EncodedRows.safeParse(value);
  if (!encoded.success) return [];
  const { columns, ids, slices } = encoded.data;
  const rows: StoredRow[] = [];
  for (let s = 0; s < slices.length; s += 1) {
    const values = parseSlice(slices[s] ?? "");
    if (!values) continue;
    for (let i = 0; i < values.length; i += 1) {
      const id = ids[s * ROWS_PER_SLICE + i];
      const rowValues = values[i];
      if (id === undefined || !Array.isArray(rowValues)) continue;
      const cells: Record<string, string> = {};
      for (let j = 0; j < columns.length; j += 1) {
        const cell: unknown = rowValues[j];
        const key = columns[j];
        if (typeof cell === "string" && cell !== "" && key !== undefined) cells[key] = cell;
      }
      rows.push({ id, cells });
    }
  }
  return rows;
}
