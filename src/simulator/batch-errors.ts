import type { StandardError } from "../hubspot/errors.ts";

/** One reason HubSpot refuses an input. `code` mirrors the `error` names in HubSpot's messages. */
export interface InputProblem {
  category: "VALIDATION_ERROR" | "OBJECT_NOT_FOUND" | "CONFLICT";
  code: string;
  message: string;
  propertyName?: string;
  /** For property problems: HubSpot lists them inside "Property values were not valid: [...]". */
  isPropertyValue: boolean;
}

export function propertyProblem(propertyName: string, code: string, message: string): InputProblem {
  return { category: "VALIDATION_ERROR", code, message, propertyName, isPropertyValue: true };
}

export function otherProblem(
  category: InputProblem["category"],
  code: string,
  message: string,
): InputProblem {
  return { category, code, message, isPropertyValue: false };
}

export function describeProblems(problems: readonly InputProblem[]): string {
  const values = problems.filter((problem) => problem.isPropertyValue);
  const others = problems.filter((problem) => !problem.isPropertyValue).map((problem) => problem.message);
  if (values.length === 0) return others.join("; ");
  // HubSpot's own wording: the property problems as a JSON list inside the message.
  const listed = values.map((problem) => ({
    isValid: false,
    message: problem.message,
    error: problem.code,
    name: problem.propertyName,
  }));
  return [`Property values were not valid: ${JSON.stringify(listed)}`, ...others].join("; ");
}

/** One StandardError per failed input, named by its trace id (and by record id for updates). */
export function standardError(
  problems: readonly InputProblem[],
  traceId: string | undefined,
  ids?: readonly string[],
): StandardError {
  const first = problems[0];
  const propertyNames = [...new Set(problems.flatMap((problem) => problem.propertyName ?? []))];
  const context: Record<string, string[]> = {};
  if (traceId !== undefined) context.objectWriteTraceId = [traceId];
  if (ids) context.ids = [...ids];
  if (propertyNames.length > 0) context.propertyName = propertyNames;
  return {
    status: "error",
    category: first?.category ?? "VALIDATION_ERROR",
    message: describeProblems(problems),
    context,
    errors: problems.map((problem) => ({
      message: problem.message,
      code: problem.code,
      ...(problem.propertyName ? { context: { propertyName: [problem.propertyName] } } : {}),
    })),
    links: {},
  };
}
