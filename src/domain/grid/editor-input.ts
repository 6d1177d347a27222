import type { ColumnDef } from "../columns/column-def.ts";
import { analyseDateOrder } from "../values/date-order.ts";
import type { DateOrder } from "../values/dates.ts";
import type { ValueReader } from "../values/read-value.ts";
import { createDateReader, createValueReader, readOrKeep, readRecordIds } from "../values/read-value.ts";

/**
 * What people type, paste or fill into a cell, read by the same value reader as a CSV import
 * (`values/read-value.ts`). A value that can be read is stored in the form HubSpot takes; one that cannot is
 * kept exactly as typed, so validation shows it with its error instead of the grid silently changing it.
 */
export interface NormalizeContext {
  localToIso: (local: string) => string | undefined;
  /** Day-month order when the values entered together cannot tell (the user's locale, or a pasted block's). */
  dateOrder: DateOrder;
}

/** One reader per column for values entered together, e.g. a pasted block. */
export function inputReader(column: ColumnDef, context: NormalizeContext): ValueReader {
  if (column.kind === "association") return readRecordIds;
  return createValueReader(column.property, { ...context, decimal: "." });
}

/** The day-month order for values entered together, decided as an import decides it for a file. */
export function orderFor<T extends Pick<NormalizeContext, "dateOrder">>(
  values: Iterable<string>,
  context: T,
): T {
  return { ...context, dateOrder: analyseDateOrder(values, context.dateOrder).order };
}

/** What a typed `text` is stored as in `column`. */
export function normalizeInput(column: ColumnDef, text: string, context: NormalizeContext): string {
  return readOrKeep(inputReader(column, orderFor([text], context)), text);
}

/** A typed date as YYYY-MM-DD when it reads as one (for the date picker beside the text box), else as typed. */
export function normalizeDate(text: string, context: Pick<NormalizeContext, "dateOrder">): string {
  return readOrKeep(createDateReader(orderFor([text], context)), text);
}
