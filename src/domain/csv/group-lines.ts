import type { ColumnKey } from "../batch/columns.ts";
import { type BatchRow, createLine, createRow, type LineRow } from "../batch/row.ts";

/** CSV columns mapped to a line-item property are keyed `line:<property name>` until rows are grouped. */
export const LINE_TARGET_PREFIX = "line:";

export function lineTargetKey(propertyName: string): ColumnKey {
  return `${LINE_TARGET_PREFIX}${propertyName}`;
}

export function isLineTargetKey(key: ColumnKey): boolean {
  return key.startsWith(LINE_TARGET_PREFIX);
}

/** One CSV record that could not become part of a quote, and why (shown in the import preview). */
export interface UngroupedRecord {
  /** The record's index among the imported records (0-based). */
  index: number;
  reason: "no-key";
}

/** A quote column whose value differs between records of one quote: the first record's value is kept. */
export interface GroupConflict {
  /** The quote's group key. */
  group: string;
  key: ColumnKey;
  /** Index of the record whose value was not taken. */
  index: number;
  kept: string;
  dropped: string;
}

export interface GroupedRows {
  rows: BatchRow[];
  lineCount: number;
  ungrouped: UngroupedRecord[];
  conflicts: GroupConflict[];
}

function split(cells: Readonly<Record<ColumnKey, string>>) {
  const quote: Record<ColumnKey, string> = {};
  const line: Record<string, string> = {};
  let hasLine = false;
  for (const key in cells) {
    const value = cells[key] ?? "";
    if (isLineTargetKey(key)) {
      if (value !== "") {
        line[key.slice(LINE_TARGET_PREFIX.length)] = value;
        hasLine = true;
      }
    } else if (value !== "") quote[key] = value;
  }
  return { quote, line: hasLine ? line : undefined };
}

/**
 * Groups flat records (one per line item, the quote's columns repeated, as spreadsheets and ERP exports
 * look) into quotes by the value of `groupKey` (a quote key, else the quote name). Records with the same
 * key become one quote, in the order they first appear; each record's line-item columns become one line.
 * A record without a key cannot be placed and is reported; so are quote columns that disagree within a
 * quote (the first value is kept, the others are listed so nothing changes silently).
 */
export function groupLineRecords(records: readonly BatchRow[], groupKey: ColumnKey): GroupedRows {
  const groups = new Map<string, { cells: Record<ColumnKey, string>; lines: LineRow[]; id: string }>();
  const ungrouped: UngroupedRecord[] = [];
  const conflicts: GroupConflict[] = [];
  let lineCount = 0;
  records.forEach((record, index) => {
    const { quote, line } = split(record.cells);
    const key = (quote[groupKey] ?? "").trim();
    if (key === "") {
      ungrouped.push({ index, reason: "no-key" });
      return;
    }
    let group = groups.get(key);
    if (!group) {
      group = { cells: quote, lines: [], id: record.id };
      groups.set(key, group);
    } else {
      for (const column in quote) {
        const value = quote[column] ?? "";
        const kept = group.cells[column] ?? "";
        if (kept === "") group.cells[column] = value;
        else if (kept !== value) conflicts.push({ group: key, key: column, index, kept, dropped: value });
      }
    }
    if (line) {
      group.lines.push(createLine(line));
      lineCount += 1;
    }
  });
  const rows = [...groups.values()].map((group) => createRow(group.cells, group.id, group.lines));
  return { rows, lineCount, ungrouped, conflicts };
}

/** Whether any mapped column is a line-item one: only then are records grouped into quotes. */
export function hasLineTargets(mappedKeys: readonly ColumnKey[]): boolean {
  return mappedKeys.some(isLineTargetKey);
}
