import { isIsoDate, isIsoDateTime } from "../../hubspot/codecs.ts";
import type { PropertyOption } from "../../hubspot/properties.ts";
import { splitRecordIds } from "../batch/columns.ts";
import type { ColumnDef } from "../columns/column-def.ts";
import { normalizeBoolean } from "../values/booleans.ts";
import { normalizeNumber as readNumber } from "../values/numbers.ts";
import { editorKind } from "./editor-kind.ts";

/**
 * Tolerant reading of what people type or paste into a cell. A value that can be read is stored in the
 * form HubSpot takes; one that cannot is kept exactly as typed, so validation shows it with its error
 * instead of the grid silently changing or dropping it.
 */

/**
 * "1,234.50", " 12 ", "1 234", "$99", "12,5" → HubSpot's decimal string, read as a CSV import reads numbers
 * (a value that shows its decimal separator is read with it; otherwise "." is the decimal point).
 */
export function normalizeNumber(text: string): string {
  if (text.trim() === "") return "";
  return readNumber(text, ".") ?? text;
}

/** "2026-12-31", "2026/12/31", "2026-12-31T00:00:00Z", "20261231" → "2026-12-31". */
export function normalizeDate(text: string): string {
  const trimmed = text.trim();
  if (trimmed === "") return "";
  if (isIsoDate(trimmed)) return trimmed;
  const separated = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})(?:[T ].*)?$/.exec(trimmed);
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(trimmed);
  const parts = separated ?? compact;
  if (parts) {
    const iso = `${parts[1]}-${parts[2]!.padStart(2, "0")}-${parts[3]!.padStart(2, "0")}`;
    if (isIsoDate(iso)) return iso;
  }
  return text;
}

/**
 * ISO 8601 with a zone and epoch ms stay as they are; a local "YYYY-MM-DD HH:MM" (what datetime-local
 * inputs and spreadsheets give) is turned into ISO by `localToIso`, which the caller supplies because only
 * it knows the user's time zone.
 */
export function normalizeDateTime(text: string, localToIso: (local: string) => string | undefined): string {
  const trimmed = text.trim();
  if (trimmed === "") return "";
  if (isIsoDateTime(trimmed) || /^\d{10,15}$/.test(trimmed)) return trimmed;
  const local = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?)$/.exec(trimmed);
  if (local) return localToIso(`${local[1]}T${local[2]}`) ?? text;
  if (isIsoDate(trimmed)) return localToIso(`${trimmed}T00:00`) ?? text;
  return text;
}

/** The same yes/no words a CSV import understands (はい/いいえ included); anything else is kept as typed. */
export function normalizeBool(text: string): string {
  if (text.trim() === "") return "";
  return normalizeBoolean(text) ?? text;
}

/** An option's value from its value or its label, in that order, matching case only when it must. */
export function optionValue(options: readonly PropertyOption[], text: string): string {
  const trimmed = text.trim();
  if (trimmed === "") return "";
  const exact = options.find((option) => option.value === trimmed);
  if (exact) return exact.value;
  const byLabel = options.find((option) => option.label === trimmed);
  if (byLabel) return byLabel.value;
  const lower = trimmed.toLowerCase();
  const loose =
    options.find((option) => option.label.toLowerCase() === lower) ??
    options.find((option) => option.value.toLowerCase() === lower);
  return loose ? loose.value : text;
}

/** "Red; Blue", "red,blue" → "red;blue"; parts that are not options are kept as typed. */
export function normalizeMultiOption(options: readonly PropertyOption[], text: string): string {
  const parts = text
    .split(/[;,\n]/)
    .map((part) => part.trim())
    .filter((part) => part !== "");
  return parts.map((part) => optionValue(options, part)).join(";");
}

export function normalizeRecordIds(text: string): string {
  return splitRecordIds(text).join(";");
}

export interface NormalizeContext {
  localToIso: (local: string) => string | undefined;
}

/** What a typed or pasted `text` is stored as in `column`. */
export function normalizeInput(column: ColumnDef, text: string, context: NormalizeContext): string {
  const kind = editorKind(column);
  if (column.kind === "association") return normalizeRecordIds(text);
  const { options } = column.property;
  switch (kind) {
    case "number":
      return normalizeNumber(text);
    case "date":
      return normalizeDate(text);
    case "datetime":
      return normalizeDateTime(text, context.localToIso);
    case "bool":
      return options.length > 0 && column.property.type === "enumeration"
        ? optionValue(options, text)
        : normalizeBool(text);
    case "select":
    case "radio":
      return optionValue(options, text);
    case "checkboxes":
      return normalizeMultiOption(options, text);
    default:
      return text;
  }
}
