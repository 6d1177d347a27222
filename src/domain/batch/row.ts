import type { ColumnKey } from "./columns.ts";

/** A stable row id; it is sent as `objectWriteTraceId` so results map back by id, never by position. */
export type RowId = string;

/** A stable line-item id, sent as the line item's `objectWriteTraceId`; its position is its index in `lines`. */
export type LineId = string;

/** One line item of a quote row. Cells are keyed by line-item property names (`hs_product_id`, `quantity`…). */
export interface LineRow {
  readonly id: LineId;
  /** Wire strings, as quote cells; missing key and "" both mean an empty cell. */
  readonly cells: Readonly<Record<string, string>>;
}

export interface BatchRow {
  readonly id: RowId;
  /** Missing key and "" both mean an empty cell. */
  readonly cells: Readonly<Record<ColumnKey, string>>;
  /** The quote's own line items, in order (sent as `hs_position_on_quote`). */
  readonly lines: readonly LineRow[];
}

/** Shared by every row without lines: 100,000 imported rows need not hold 100,000 empty arrays. */
const NO_LINES: readonly LineRow[] = Object.freeze([]);

let fallbackCounter = 0;

export function createRowId(): RowId {
  if (typeof globalThis.crypto?.randomUUID === "function") return globalThis.crypto.randomUUID();
  fallbackCounter += 1;
  return `row-${Date.now().toString(36)}-${fallbackCounter.toString(36)}`;
}

export function createRow(
  cells: Record<ColumnKey, string> = {},
  id: RowId = createRowId(),
  lines: readonly LineRow[] = NO_LINES,
): BatchRow {
  return { id, cells, lines };
}

export function createLine(cells: Record<string, string> = {}, id: LineId = createRowId()): LineRow {
  return { id, cells };
}

export function cellValue(row: BatchRow, key: ColumnKey): string {
  return row.cells[key] ?? "";
}

export function lineValue(line: LineRow, key: string): string {
  return line.cells[key] ?? "";
}

export function isEmptyLine(line: LineRow): boolean {
  return Object.values(line.cells).every((value) => value === "");
}

/** A row with no values and no line items that hold any. */
export function isEmptyRow(row: BatchRow): boolean {
  return Object.values(row.cells).every((value) => value === "") && row.lines.every(isEmptyLine);
}

/** A copy with fresh ids for the row and each of its lines (a duplicated quote gets its own line items). */
export function copyRow(row: BatchRow, id: RowId = createRowId()): BatchRow {
  return createRow(
    { ...row.cells },
    id,
    row.lines.map((line) => createLine({ ...line.cells })),
  );
}
