import { BatchCreateRequest, type QuoteCreateInput } from "../hubspot/batch-create.ts";
import type { StandardError } from "../hubspot/errors.ts";
import { MAX_BATCH_INPUTS } from "../hubspot/limits.ts";
import { findAssociationType } from "./association-types.ts";
import type { SimContext } from "./context.ts";
import { type HandlerResult, validationError } from "./handler-result.ts";
import {
  associationProblems,
  type InputProblem,
  normalizeValue,
  propertyProblems,
  uniquenessProblem,
} from "./quote-input-rules.ts";
import { UNIQUE_PROPERTY_NAME } from "./quote-properties.ts";
import type { StoredQuote } from "./quote-store.ts";
import { type ParsedBody, parseJsonBody } from "./request-body.ts";
import { isoAt } from "./responses.ts";

function describeProblems(problems: readonly InputProblem[]): string {
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

function standardError(problems: readonly InputProblem[], traceId: string | undefined): StandardError {
  const first = problems[0];
  const propertyNames = [...new Set(problems.flatMap((problem) => problem.propertyName ?? []))];
  const context: Record<string, string[]> = {};
  if (traceId !== undefined) context.objectWriteTraceId = [traceId];
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

function inputProblems(ctx: SimContext, input: QuoteCreateInput, counts: ReadonlyMap<string, number>) {
  const problems = [
    ...propertyProblems(input.properties),
    ...associationProblems(input.associations, ctx.index),
  ];
  const unique = uniquenessProblem(input.properties, ctx.quotes, counts);
  return unique ? [...problems, unique] : problems;
}

function store(ctx: SimContext, input: QuoteCreateInput, createdAt: string): StoredQuote {
  const id = ctx.quotes.nextId();
  const properties: Record<string, string> = {};
  for (const [name, value] of Object.entries(input.properties))
    properties[name] = normalizeValue(name, value);
  Object.assign(properties, { hs_object_id: id, hs_createdate: createdAt, hs_lastmodifieddate: createdAt });
  const associations = input.associations.flatMap((association) =>
    association.types.map((type) => ({
      toObjectType: findAssociationType(type.associationTypeId)?.toObjectType ?? "unknown",
      toId: association.to.id,
      typeId: type.associationTypeId,
      category: type.associationCategory,
    })),
  );
  const quote: StoredQuote = {
    id,
    properties,
    associations,
    createdAt,
    ...(input.objectWriteTraceId !== undefined ? { objectWriteTraceId: input.objectWriteTraceId } : {}),
  };
  ctx.quotes.add(quote);
  return quote;
}

/** A stored quote as the batch endpoints return it; only create echoes the trace id. */
export function toPublicObject(
  quote: StoredQuote,
  properties: Record<string, string> = quote.properties,
  echoTraceId = true,
) {
  return {
    id: quote.id,
    properties,
    createdAt: quote.createdAt,
    updatedAt: quote.createdAt,
    archived: false,
    ...(echoTraceId && quote.objectWriteTraceId !== undefined
      ? { objectWriteTraceId: quote.objectWriteTraceId }
      : {}),
  };
}

/**
 * `POST /crm/v3/objects/quotes/batch/create`. Inputs with trace ids fail one by one (207); a failing
 * input without one fails the whole request (400), as FACTS.md warns. Results come back shuffled.
 */
export function batchCreate(ctx: SimContext, raw: string): HandlerResult {
  const requestedAt = isoAt(ctx.now());
  const parsed: ParsedBody = parseJsonBody(raw);
  if (!parsed.ok) return validationError(ctx, parsed.message);
  const count = countInputs(parsed.value);
  if (count > MAX_BATCH_INPUTS) {
    return validationError(
      ctx,
      `Batch input contains ${count} inputs; the limit is ${MAX_BATCH_INPUTS} per request`,
    );
  }
  const request = BatchCreateRequest.safeParse(parsed.value);
  if (!request.success) {
    const issue = request.error.issues[0];
    const where = issue?.path.join(".") ?? "";
    return validationError(
      ctx,
      `Invalid input JSON: ${where ? `${where}: ` : ""}${issue?.message ?? "wrong shape"}`,
    );
  }
  const inputs = request.data.inputs;
  const counts = new Map<string, number>();
  for (const input of inputs) {
    const key = input.properties[UNIQUE_PROPERTY_NAME];
    if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const checked = inputs.map((input) => ({ input, problems: inputProblems(ctx, input, counts) }));
  const untraced = checked.find(
    (item) => item.problems.length > 0 && item.input.objectWriteTraceId === undefined,
  );
  if (untraced) {
    const names = untraced.problems.flatMap((problem) => problem.propertyName ?? []);
    return validationError(
      ctx,
      describeProblems(untraced.problems),
      names.length ? { propertyName: names } : undefined,
    );
  }
  const startedAt = isoAt(ctx.now());
  const createdAt = isoAt(ctx.now());
  const results = checked
    .filter((item) => item.problems.length === 0)
    .map((item) => toPublicObject(store(ctx, item.input, createdAt)));
  const errors = checked
    .filter((item) => item.problems.length > 0)
    .map((item) => standardError(item.problems, item.input.objectWriteTraceId));
  const body = {
    status: "COMPLETE",
    results: ctx.shuffle.shuffle(results),
    ...(errors.length > 0 ? { numErrors: errors.length, errors } : {}),
    requestedAt,
    startedAt,
    completedAt: isoAt(ctx.now()),
  };
  return { status: errors.length > 0 ? 207 : 201, body };
}

function countInputs(value: unknown): number {
  if (typeof value !== "object" || value === null || !("inputs" in value)) return 0;
  return Array.isArray(value.inputs) ? value.inputs.length : 0;
}
