import { isDecimalNumber, isEpochMidnightUtc, isIsoDate, isIsoDateTime } from "../../hubspot/codecs.ts";
import type { Property } from "../../hubspot/properties.ts";
import { isMultiSelect } from "../../hubspot/properties.ts";
import { splitRecordIds } from "../batch/columns.ts";
import { normalizeBoolean } from "./booleans.ts";
import type { DateOrder } from "./dates.ts";
import { parseDateParts, toIsoDateString, toIsoDateTimeString, toLocalDateTimeString } from "./dates.ts";
import { toHalfWidth } from "./half-width.ts";
import type { DecimalSeparator } from "./numbers.ts";
import { normalizeNumber } from "./numbers.ts";
import { createOptionReader, MULTI_SEPARATORS } from "./options.ts";

/**
 * The one reader for a value entering the batch — typed, pasted, filled, imported from a file or edited in
 * row details — so the same text becomes the same wire value whatever the path. A value that cannot be
 * read is kept exactly as written, so validation shows it with its error instead of it changing silently.
 */
export interface ReadContext {
  /** Order of 03/04/2026: decided from all values entered together, else the file's or user's locale. */
  dateOrder: DateOrder;
  /** Decimal separator when a value alone cannot tell ("1,234"). */
  decimal: DecimalSeparator;
  /** A zone-less "YYYY-MM-DDTHH:MM:SS" → ISO instant: only the caller knows the user's time zone. */
  localToIso(local: string): string | undefined;
}

/**
 * The wire value for `text`, or `undefined` when it cannot be read; callers then keep the text as written
 * (`readOrKeep`). No result object: an import runs this over a million values.
 */
export type ValueReader = (text: string) => string | undefined;

export function readOrKeep(read: ValueReader, text: string): string {
  return read(text) ?? text;
}

const EPOCH_MS = /^\d{10,15}$/;

function typed(read: (value: string) => string | undefined): ValueReader {
  return (text) => {
    const value = toHalfWidth(text).trim();
    return value === "" ? "" : read(value);
  };
}

export function createDateReader(context: Pick<ReadContext, "dateOrder">): ValueReader {
  return typed((value) => {
    if (isIsoDate(value) || isEpochMidnightUtc(value)) return value;
    const parts = parseDateParts(value, context.dateOrder);
    return parts && toIsoDateString(parts);
  });
}

function dateTimeReader(context: ReadContext): ValueReader {
  return typed((value) => {
    if (isIsoDateTime(value) || EPOCH_MS.test(value)) return value;
    const parts = parseDateParts(value, context.dateOrder);
    if (!parts) return undefined;
    return parts.offsetMinutes === undefined
      ? context.localToIso(toLocalDateTimeString(parts))
      : toIsoDateTimeString(parts);
  });
}

function multiOptionReader(property: Property): ValueReader {
  const option = createOptionReader(property.options);
  return (text) => {
    const parts = toHalfWidth(text)
      .split(MULTI_SEPARATORS)
      .map((part) => part.trim())
      .filter((part) => part !== "");
    if (parts.length === 0) return text.trim() === "" ? "" : undefined;
    const values = parts.map(option);
    if (values.some((value) => value === undefined)) return undefined;
    return [...new Set(values)].join(";");
  };
}

function asWritten(text: string): string {
  return text;
}

/** The reader for one property definition; build it once per column, call it per value. */
export function createValueReader(property: Property, context: ReadContext): ValueReader {
  switch (property.type) {
    case "number":
      return typed((value) => (isDecimalNumber(value) ? value : normalizeNumber(value, context.decimal)));
    case "date":
      return createDateReader(context);
    case "datetime":
      return dateTimeReader(context);
    case "bool":
      return typed((value) => normalizeBoolean(value));
    case "enumeration": {
      // Options HubSpot fills from elsewhere (templates, owners) are not in the definition to match.
      if (property.externalOptions) return asWritten;
      if (isMultiSelect(property)) return multiOptionReader(property);
      const option = createOptionReader(property.options);
      return typed((value) => option(value));
    }
    default:
      // Free text is sent as written; see `toHalfWidth` for why it is not folded.
      return asWritten;
  }
}

/** Record ids for an association cell: "１２, 34 ;56" → "12;34;56"; names are kept for the lookup. */
export const readRecordIds: ValueReader = typed((value) => {
  const ids = splitRecordIds(value);
  return ids.length > 0 && ids.every((id) => /^\d+$/.test(id)) ? ids.join(";") : undefined;
});
