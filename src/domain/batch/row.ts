import type { ColumnKey } from "./columns.ts";

/** A stable row id; it is sent as `objectWriteTraceId` so results map back by id, never by position. */
export type RowId = string;

export interface BatchRow {
  readonly id: RowId;
  /** Missing key and "" both mean an empty cell. */
  readonly cells: Readonly<Record<ColumnKey, string>>;
}

let fallbackCounter = 0;

export function createRowId(): RowId {
  if (typeof globalThis.crypto?.randomUUID === "function") return globalThis.crypto.randomUUID();
  fallbackCounter += 1;
  return `row-${Date.now().toString(36)}-${fallbackCounter.toString(36)}`;
}

export function createRow(cells: Record<ColumnKey, string> = {}, id: RowId = createRowId()): BatchRow {
  return { id, cells };
}

export function cellValue(row: BatchRow, key: ColumnKey): string {
  return row.cells[key] ?? "";
}

export function isEmptyRow(row: BatchRow): boolean {
  return Object.values(row.cells).every((value) => value === "");
}
