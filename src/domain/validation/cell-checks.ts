import { isIsoDate, splitMultiValue, toIsoDate, wireValueProblem } from "../../hubspot/codecs.ts";
import type { Property } from "../../hubspot/properties.ts";
import { isMultiSelect } from "../../hubspot/properties.ts";
import { type AssociationColumn, splitRecordIds } from "../batch/columns.ts";
import type { ReferenceType } from "../references/reference-type.ts";
import { type IssueCode, type IssueMessage, type IssueSeverity, type IssueValues, issue } from "./issue.ts";

export interface Problem {
  severity: IssueSeverity;
  message: IssueMessage;
}

/** Checks one non-empty cell value. Compiled once per column so the batch loop does no set-up work. */
export type CellCheck = (value: string) => Problem | undefined;

/** Ids HubSpot told us do not exist (from record lookups); `undefined` means not known either way. */
/** Whether HubSpot said an id of this type does not exist (records in association cells, products in lines). */
export type IsMissingRecord = (type: ReferenceType, id: string) => boolean;
/** A deal's currency (`deal_currency_code`, upper case) once the reference checks read it; else `undefined`. */
export type DealCurrencyOf = (dealId: string) => string | undefined;

const error = (code: IssueCode, values?: IssueValues): Problem => ({
  severity: "error",
  message: issue(code, values),
});
/** The check of properties that take any text; the batch loop skips it. */
export const NO_PROBLEM: CellCheck = () => undefined;
const RECORD_ID = /^\d+$/;
const WELL_FORMED_IDS = /^\d+(;\d+)*$/;

function enumerationCheck(property: Property): CellCheck {
  if (property.externalOptions) return NO_PROBLEM;
  const allowed = new Set(property.options.map((option) => option.value));
  const valueByLabel = new Map(property.options.map((option) => [option.label.toLowerCase(), option.value]));
  const visible = property.options.filter((option) => !option.hidden).map((option) => option.label);
  // The first six choices; `more` says how many the list leaves out.
  const choices = visible.slice(0, 6);
  const more = Math.max(0, visible.length - choices.length);
  const multi = isMultiSelect(property);
  return (value) => {
    // Fast path for the common case: one known value.
    if (allowed.has(value)) return undefined;
    // A leading ";" means "append" to HubSpot; it is not part of the values.
    const values = multi ? splitMultiValue(value.replace(/^;/, "")) : [value];
    const unknown = values.filter((v) => !allowed.has(v));
    if (unknown.length === 0) return undefined;
    const suggested = unknown.map((v) => valueByLabel.get(v.toLowerCase()));
    if (suggested.every((v) => v !== undefined)) {
      return error("option.labels", { count: unknown.length, labels: unknown, values: suggested });
    }
    return error("option.unknown", {
      count: unknown.length,
      values: unknown,
      property: property.label,
      choices,
      more,
    });
  };
}

const VALUE_CODES = {
  number: "value.number",
  date: "value.date",
  datetime: "value.datetime",
  bool: "value.bool",
} as const satisfies Record<string, IssueCode>;

/** The format check for one property, from its type, field type and options (codecs.ts has the rules). */
export function propertyCheck(property: Property): CellCheck {
  switch (property.type) {
    case "enumeration":
      return enumerationCheck(property);
    case "number":
    case "date":
    case "datetime":
    case "bool": {
      const code = VALUE_CODES[property.type];
      // codecs.ts decides what HubSpot accepts; the message is the UI's, in the user's language.
      return (value) =>
        wireValueProblem(property, value) === undefined ? undefined : error(code, { value });
    }
    default:
      // string, phone_number and types HubSpot adds later: any text is accepted.
      return NO_PROBLEM;
  }
}

/** The expiration date rule: a valid date that is not before `today` (YYYY-MM-DD, injected). */
export function notInThePast(base: CellCheck, today: string): CellCheck {
  return (value) => {
    const problem = base(value);
    if (problem) return problem;
    const date = toIsoDate(value);
    if (date !== undefined && isIsoDate(today) && date < today) {
      return error("date.past", { date, today });
    }
    return undefined;
  };
}

/** HubSpot refuses it for each such input: a line item has one parent (FACTS.md). Caught before sending. */
const EXISTING_LINE_ITEMS = error("association.lineItems");

/** Association cells hold numeric record ids; ids a lookup could not find are errors too. */
export function associationCheck(column: AssociationColumn, isMissing?: IsMissingRecord): CellCheck {
  // A draft (or an old layout) from before line items were composed may still hold line-item ids.
  if (column.toObjectType === "line_items") return () => EXISTING_LINE_ITEMS;
  const object = column.toObjectType;
  return (value) => {
    // Fast path: well-formed ids and nothing known to be missing.
    if (!isMissing && WELL_FORMED_IDS.test(value)) return undefined;
    const ids = splitRecordIds(value);
    const bad = ids.filter((id) => !RECORD_ID.test(id));
    if (bad.length > 0) {
      return error("association.notIds", { count: bad.length, values: bad, object });
    }
    if (!isMissing) return undefined;
    const missing = ids.filter((id) => isMissing(column.toObjectType, id));
    if (missing.length === 0) return undefined;
    return error("association.missing", { count: missing.length, ids: missing, object });
  };
}

/** Leading or trailing white space (incl. no-break and full-width spaces), which HubSpot keeps as sent. */
export function hasOuterSpace(value: string): boolean {
  const first = value.charCodeAt(0);
  const last = value.charCodeAt(value.length - 1);
  // Fast path (the batch loop runs this on every text cell): printable ASCII at both ends.
  if (first > 32 && first < 127 && last > 32 && last < 127) return false;
  return /^\s|\s$/.test(value);
}

/** Text properties: a value that starts or ends with a space is sent as it is; say so, it is rarely meant. */
export function outerSpaceCheck(base: CellCheck): CellCheck {
  return (value) =>
    base(value) ??
    (hasOuterSpace(value) ? { severity: "warning", message: issue("text.outerSpace") } : undefined);
}
