import type { Property } from "./properties.ts";
import { isMultiSelect } from "./properties.ts";

/**
 * Property value codecs: the exact string forms HubSpot accepts when writing a property (FACTS.md).
 * Strict on purpose: tolerant parsing of what users type lives in `src/domain`; this module says
 * whether a value is what HubSpot will take, and in what words it is not.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const EPOCH_MS = /^-?\d{1,15}$/;
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
const DECIMAL = /^-?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const MS_PER_DAY = 86_400_000;

export const MULTI_VALUE_SEPARATOR = ";";

export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export function isEpochMidnightUtc(value: string): boolean {
  return EPOCH_MS.test(value) && Number(value) % MS_PER_DAY === 0;
}

export function isIsoDateTime(value: string): boolean {
  return ISO_DATETIME.test(value) && !Number.isNaN(Date.parse(value));
}

export function isDecimalNumber(value: string): boolean {
  return DECIMAL.test(value) && Number.isFinite(Number(value));
}

/** Epoch ms at midnight UTC → `YYYY-MM-DD`; an ISO date stays as it is. */
export function toIsoDate(value: string): string | undefined {
  if (isIsoDate(value)) return value;
  if (isEpochMidnightUtc(value)) return new Date(Number(value)).toISOString().slice(0, 10);
  return undefined;
}

export function splitMultiValue(value: string): string[] {
  return value
    .split(MULTI_VALUE_SEPARATOR)
    .map((part) => part.trim())
    .filter((part) => part !== "");
}

export function joinMultiValue(values: readonly string[]): string {
  return values.join(MULTI_VALUE_SEPARATOR);
}

/**
 * Why HubSpot would reject `value` for `property`, in plain words, or `undefined` when it is valid.
 * `""` is always valid: it clears the property.
 */
export function wireValueProblem(property: Property, value: string): string | undefined {
  if (value === "") return undefined;
  switch (property.type) {
    case "number":
      return isDecimalNumber(value)
        ? undefined
        : `"${value}" is not a number (use digits and a "." for decimals)`;
    case "date":
      return isIsoDate(value) || isEpochMidnightUtc(value)
        ? undefined
        : `"${value}" is not a date in the form YYYY-MM-DD`;
    case "datetime":
      return isIsoDateTime(value) || EPOCH_MS.test(value)
        ? undefined
        : `"${value}" is not a date and time in ISO 8601 form (YYYY-MM-DDTHH:MM:SSZ)`;
    case "bool":
      return value === "true" || value === "false" ? undefined : `"${value}" is not true or false`;
    case "enumeration":
      return enumerationProblem(property, value);
    default:
      return undefined;
  }
}

function enumerationProblem(property: Property, value: string): string | undefined {
  if (property.externalOptions) return undefined;
  const allowed = new Set(property.options.map((option) => option.value));
  const values = isMultiSelect(property) ? splitMultiValue(value.replace(/^;/, "")) : [value];
  const unknown = values.filter((v) => !allowed.has(v));
  if (unknown.length === 0) return undefined;
  const list = unknown.map((v) => `"${v}"`).join(", ");
  return `${list} ${unknown.length === 1 ? "is not an option" : "are not options"} of ${property.label}`;
}

/** A stored value as a person reads it: option labels instead of values. */
export function displayValue(property: Property, value: string): string {
  if (property.type === "enumeration" && value !== "") {
    const labels = new Map(property.options.map((option) => [option.value, option.label]));
    const values = isMultiSelect(property) ? splitMultiValue(value) : [value];
    return values.map((v) => labels.get(v) ?? v).join(isMultiSelect(property) ? "; " : "");
  }
  if (property.type === "bool") return value === "true" ? "Yes" : value === "false" ? "No" : value;
  if (property.type === "date") return toIsoDate(value) ?? value;
  return value;
}
