import { toIsoDate, wireValueProblem } from "../hubspot/codecs.ts";
import { isWritable } from "../hubspot/properties.ts";
import { type InputProblem, propertyProblem } from "./batch-errors.ts";
import type { PropertyCatalog } from "./property-catalog.ts";

const INVALID_CODES: Record<string, string> = {
  number: "INVALID_DOUBLE",
  date: "INVALID_DATE",
  datetime: "INVALID_DATETIME",
  bool: "INVALID_BOOLEAN",
  enumeration: "INVALID_OPTION",
};

/** Each value: a property of this object type, writable, and a valid wire value of its type. */
export function propertyProblems(
  catalog: PropertyCatalog,
  properties: Record<string, string>,
  required: readonly string[] = [],
  objectName = "quote",
): InputProblem[] {
  const problems: InputProblem[] = [];
  for (const [name, value] of Object.entries(properties)) {
    const property = catalog.byName.get(name);
    if (!property) {
      problems.push(propertyProblem(name, "PROPERTY_DOESNT_EXIST", `Property "${name}" does not exist`));
      continue;
    }
    if (!isWritable(property)) {
      const why = property.calculated ? "is calculated by HubSpot" : "is read-only";
      problems.push(propertyProblem(name, "READ_ONLY_VALUE", `Property "${name}" ${why} and cannot be set`));
      continue;
    }
    const problem = wireValueProblem(property, value);
    if (problem) {
      const code = INVALID_CODES[property.type] ?? "INVALID_PROPERTY_VALUE";
      problems.push(propertyProblem(name, code, `${problem} (property "${name}")`));
    }
  }
  for (const name of required) {
    const value = properties[name];
    if (value === undefined || value.trim() === "") {
      problems.push(
        propertyProblem(
          name,
          "REQUIRED_PROPERTY_MISSING",
          `Property "${name}" is required to create a ${objectName}`,
        ),
      );
    }
  }
  return problems;
}

/** Values as HubSpot stores them: dates as YYYY-MM-DD, datetimes as ISO, no leading ";" on multi-selects. */
export function normalizeValue(catalog: PropertyCatalog, name: string, value: string): string {
  const property = catalog.byName.get(name);
  if (!property || value === "") return value;
  if (property.type === "date") return toIsoDate(value) ?? value;
  if (property.type === "datetime" && /^-?\d+$/.test(value)) return new Date(Number(value)).toISOString();
  if (property.type === "datetime") return new Date(Date.parse(value)).toISOString();
  if (property.fieldType === "checkbox") return value.replace(/^;/, "");
  return value;
}

export function normalizeProperties(
  catalog: PropertyCatalog,
  properties: Record<string, string>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(properties)) out[name] = normalizeValue(catalog, name, value);
  return out;
}

/** The unique-value property must not repeat a stored record's value, nor another input's in the batch. */
export function uniquenessProblem(
  property: string,
  value: string | undefined,
  existingId: string | undefined,
  countInBatch: ReadonlyMap<string, number>,
  objectName: string,
): InputProblem | undefined {
  if (value === undefined || value === "") return undefined;
  const base = { category: "CONFLICT", code: "DUPLICATE_UNIQUE_VALUE", propertyName: property } as const;
  if (existingId !== undefined) {
    return {
      ...base,
      isPropertyValue: false,
      message: `A ${objectName} with ${property}="${value}" already exists. Existing ID: ${existingId}`,
    };
  }
  if ((countInBatch.get(value) ?? 0) > 1) {
    return {
      ...base,
      isPropertyValue: false,
      message: `${property}="${value}" appears on more than one input in this batch; it must be unique`,
    };
  }
  return undefined;
}

export function countValues(values: readonly (string | undefined)[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}
