import type { QuoteCreateInput } from "../hubspot/batch-create.ts";
import { toIsoDate, wireValueProblem } from "../hubspot/codecs.ts";
import { isWritable } from "../hubspot/properties.ts";
import { findAssociationType, OBJECT_TYPE_NAMES } from "./association-types.ts";
import type { IndexedRecord } from "./crm-data.ts";
import {
  QUOTE_PROPERTIES_BY_NAME,
  REQUIRED_QUOTE_PROPERTIES,
  UNIQUE_PROPERTY_NAME,
} from "./quote-properties.ts";
import type { QuoteStore } from "./quote-store.ts";

/** One reason HubSpot refuses an input. `code` mirrors the `error` names in HubSpot's messages. */
export interface InputProblem {
  category: "VALIDATION_ERROR" | "OBJECT_NOT_FOUND" | "CONFLICT";
  code: string;
  message: string;
  propertyName?: string;
  /** For property problems: HubSpot lists them inside "Property values were not valid: [...]". */
  isPropertyValue: boolean;
}

const INVALID_CODES: Record<string, string> = {
  number: "INVALID_DOUBLE",
  date: "INVALID_DATE",
  datetime: "INVALID_DATETIME",
  bool: "INVALID_BOOLEAN",
  enumeration: "INVALID_OPTION",
};

function propertyProblem(propertyName: string, code: string, message: string): InputProblem {
  return { category: "VALIDATION_ERROR", code, message, propertyName, isPropertyValue: true };
}

export function propertyProblems(properties: Record<string, string>): InputProblem[] {
  const problems: InputProblem[] = [];
  for (const [name, value] of Object.entries(properties)) {
    const property = QUOTE_PROPERTIES_BY_NAME.get(name);
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
  for (const name of REQUIRED_QUOTE_PROPERTIES) {
    const value = properties[name];
    if (value === undefined || value.trim() === "") {
      problems.push(
        propertyProblem(
          name,
          "REQUIRED_PROPERTY_MISSING",
          `Property "${name}" is required to create a quote`,
        ),
      );
    }
  }
  return problems;
}

/** Each association: a known quote type id in its category, to an existing record of the type it links. */
export function associationProblems(
  associations: QuoteCreateInput["associations"],
  index: ReadonlyMap<string, IndexedRecord>,
): InputProblem[] {
  const problems: InputProblem[] = [];
  for (const association of associations) {
    const toId = association.to.id;
    for (const spec of association.types) {
      const known = findAssociationType(spec.associationTypeId);
      const base = { isPropertyValue: false } as const;
      if (!known || known.category !== spec.associationCategory) {
        problems.push({
          ...base,
          category: "VALIDATION_ERROR",
          code: "INVALID_ASSOCIATION_TYPE",
          message: `${spec.associationCategory} association type ${spec.associationTypeId} does not exist between quotes and any object type`,
        });
        continue;
      }
      const target = index.get(toId);
      const wanted = OBJECT_TYPE_NAMES[known.toObjectType];
      if (!target) {
        problems.push({
          ...base,
          category: "OBJECT_NOT_FOUND",
          code: "ASSOCIATION_TARGET_NOT_FOUND",
          message: `No ${wanted} with ID ${toId} exists, so the quote cannot be associated with it`,
        });
      } else if (target.type !== known.toObjectType) {
        problems.push({
          ...base,
          category: "VALIDATION_ERROR",
          code: "INVALID_ASSOCIATION_TYPE_FOR_OBJECT",
          message: `ID ${toId} is a ${OBJECT_TYPE_NAMES[target.type]}, but association type ${spec.associationTypeId} links a quote to a ${wanted}`,
        });
      }
    }
  }
  return problems;
}

/** The unique-value property must not repeat a stored quote's value, nor another input's in the batch. */
export function uniquenessProblem(
  properties: Record<string, string>,
  quotes: QuoteStore,
  countInBatch: ReadonlyMap<string, number>,
): InputProblem | undefined {
  const value = properties[UNIQUE_PROPERTY_NAME];
  if (value === undefined || value === "") return undefined;
  const existing = quotes.getByUnique(value);
  const base = {
    category: "CONFLICT",
    code: "DUPLICATE_UNIQUE_VALUE",
    propertyName: UNIQUE_PROPERTY_NAME,
  } as const;
  if (existing) {
    return {
      ...base,
      isPropertyValue: false,
      message: `A quote with ${UNIQUE_PROPERTY_NAME}="${value}" already exists. Existing ID: ${existing.id}`,
    };
  }
  if ((countInBatch.get(value) ?? 0) > 1) {
    return {
      ...base,
      isPropertyValue: false,
      message: `${UNIQUE_PROPERTY_NAME}="${value}" appears on more than one input in this batch; it must be unique`,
    };
  }
  return undefined;
}

/** Values as HubSpot stores them: dates as YYYY-MM-DD, datetimes as ISO, no leading ";" on multi-selects. */
export function normalizeValue(name: string, value: string): string {
  const property = QUOTE_PROPERTIES_BY_NAME.get(name);
  if (!property || value === "") return value;
  if (property.type === "date") return toIsoDate(value) ?? value;
  if (property.type === "datetime" && /^-?\d+$/.test(value)) return new Date(Number(value)).toISOString();
  if (property.type === "datetime") return new Date(Date.parse(value)).toISOString();
  if (property.fieldType === "checkbox") return value.replace(/^;/, "");
  return value;
}
