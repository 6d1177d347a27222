import { z } from "zod";
import type { Property } from "../../hubspot/properties.ts";
import type { CellCheck } from "./cell-checks.ts";
import { notInThePast, propertyCheck } from "./cell-checks.ts";
import { REQUIRED_PROPERTIES } from "./row-rules.ts";

/** A zod schema for one cell value, from the same compiled check the batch validator runs. */
export function cellSchema(check: CellCheck, required?: string): z.ZodType<string> {
  return z.string().superRefine((value, ctx) => {
    if (value === "") {
      if (required) ctx.addIssue({ code: "custom", message: required });
      return;
    }
    const problem = check(value);
    if (problem?.severity === "error") ctx.addIssue({ code: "custom", message: problem.message });
  });
}

const REQUIRED_MESSAGES = new Map(REQUIRED_PROPERTIES.map(({ key, message }) => [key, message]));

/** The schema of a property, quote rules included (required, expiration not before `today`). */
export function propertySchema(property: Property, today: string): z.ZodType<string> {
  const base = propertyCheck(property);
  const check = property.name === "hs_expiration_date" ? notInThePast(base, today) : base;
  return cellSchema(check, REQUIRED_MESSAGES.get(property.name));
}

/** An object schema over the given properties' cells, for forms such as the row detail panel. */
export function propertiesSchema(properties: readonly Property[], today: string) {
  const shape: Record<string, z.ZodType<string>> = {};
  for (const property of properties) shape[property.name] = propertySchema(property, today);
  return z.object(shape);
}
