import type { ColumnKey } from "../batch/columns.ts";
import type { DateOrderAnalysis } from "../values/date-order.ts";
import { analyseDateOrder } from "../values/date-order.ts";
import type { DateOrder } from "../values/dates.ts";
import type { DecimalSeparator } from "../values/numbers.ts";
import { analyseDecimalSeparator } from "../values/numbers.ts";
import type { Coercer, CoercionContext, CoercionStats } from "./coerce.ts";
import { createCoercer, emptyStats } from "./coerce.ts";
import type { MappingTarget } from "./targets.ts";

/** The records to import: the parsed file minus preamble, header and any skipped summary rows. */
export interface CsvTable {
  records: readonly (readonly string[])[];
  /** Index of the first data record. */
  firstDataRow: number;
  /** Index after the last data record: `records.length`, or where skipped summary rows start. */
  dataEnd: number;
}

export interface ImportColumn {
  column: number;
  target: MappingTarget;
}

function* columnValues(table: CsvTable, column: number): Generator<string> {
  for (let row = table.firstDataRow; row < table.dataEnd; row += 1) {
    const value = table.records[row]![column];
    if (value !== undefined && value !== "") yield value;
  }
}

function isDateTarget(target: MappingTarget): boolean {
  return (
    target.kind === "property" && (target.property.type === "date" || target.property.type === "datetime")
  );
}

/** One day-month order per file: a file comes from one spreadsheet with one locale. */
export function analyseFileDateOrder(
  table: CsvTable,
  columns: readonly ImportColumn[],
  fallback: DateOrder,
): DateOrderAnalysis {
  const dateColumns = columns.filter(({ target }) => isDateTarget(target));
  function* all(): Generator<string> {
    for (const { column } of dateColumns) yield* columnValues(table, column);
  }
  return analyseDateOrder(all(), fallback);
}

export interface ColumnCoercion {
  column: number;
  key: ColumnKey;
  coerce: Coercer;
  stats: CoercionStats;
  decimal: DecimalSeparator;
}

export function planCoercion(
  table: CsvTable,
  columns: readonly ImportColumn[],
  context: Omit<CoercionContext, "decimal">,
): ColumnCoercion[] {
  return columns.map(({ column, target }) => {
    const decimal =
      target.kind === "property" && target.property.type === "number"
        ? analyseDecimalSeparator(columnValues(table, column))
        : ".";
    return {
      column,
      key: target.key,
      coerce: createCoercer(target, { ...context, decimal }),
      stats: emptyStats(),
      decimal,
    };
  });
}

/**
 * Coerces records [from, to) into one array per mapped column (columnar: cheap to post from the worker).
 * Missing fields of ragged rows become ""; rows with no value at all are skipped.
 */
export function coerceSlice(
  table: CsvTable,
  plan: readonly ColumnCoercion[],
  from: number,
  to: number,
): string[][] {
  const columns: string[][] = plan.map(() => []);
  for (let row = from; row < to; row += 1) {
    const record = table.records[row]!;
    // A row of empty fields (",,,,") is spreadsheet padding, not a quote.
    if (record.every((field) => field.trim() === "")) continue;
    for (let c = 0; c < plan.length; c += 1) {
      const step = plan[c]!;
      columns[c]!.push(step.coerce(record[step.column] ?? "", step.stats));
    }
  }
  return columns;
}
