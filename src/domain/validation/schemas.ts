import { z } from "zod";
import type { Property } from "../../hubspot/properties.ts";
import type { CellCheck } from "./cell-checks.ts";
import { notInThePast, propertyCheck } from "./cell-checks.ts";
import type { IssueMessage } from "./issue.ts";
import { REQUIRED_PROPERTIES } from "./row-rules.ts";

/** Turns a problem into the words a form shows: the UI's translator (zod issues carry text). */
export type DescribeIssue = (message: IssueMessage) => string;

/** A zod schema for one cell value, from the same compiled check the batch validator runs. */
export function cellSchema(
  check: CellCheck,
  describeIssue: DescribeIssue,
  required?: IssueMessage,
): z.ZodType<string> {
  return z.string().superRefine((value, ctx) => {
    if (value === "") {
      if (required) ctx.addIssue({ code: "custom", message: describeIssue(required) });
      return;
    }
    const problem = check(value);
    if (problem?.severity === "error")
      ctx.addIssue({ code: "custom", message: describeIssue(problem.message) });
  });
}

const REQUIRED_MESSAGES = new Map(REQUIRED_PROPERTIES.map(({ key, message }) => [key, message]));

/** The schema of a property, quote rules included (required, expiration not before `today`). */
export function propertySchema(
  property: Property,
  today: string,
  describeIssue: DescribeIssue,
  options = { required: true },
): z.ZodType<string> {
  const base = propertyCheck(property);
  const check = property.name === "hs_expiration_date" ? notInThePast(base, today) : base;
  return cellSchema(
    check,
    describeIssue,
    options.required ? REQUIRED_MESSAGES.get(property.name) : undefined,
  );
}

/** A schema over the given properties' cells (a record of wire strings), for forms like the row detail panel. */
export function propertiesSchema(
  properties: readonly Property[],
  today: string,
  describeIssue: DescribeIssue,
  options = { required: true },
): z.ZodType<Record<string, string>, Record<string, string>> {
  const schemas = properties.map(
    (property) => [property.name, propertySchema(property, today, describeIssue, options)] as const,
  );
  return z.record(z.string(), z.string()).superRefine((values, ctx) => {
    for (const [name, schema] of schemas) {
      const result = schema.safeParse(values[name] ?? "");
      if (!result.success) {
        for (const issue of result.error.issues)
          ctx.addIssue({ code: "custom", message: issue.message, path: [name] });
      }
    }
  });
}
