import type { z } from "zod";
import { BatchCreateRequest, type QuoteCreateInput } from "../hubspot/batch-create.ts";
import { MAX_BATCH_INPUTS } from "../hubspot/limits.ts";
import { describeProblems, type InputProblem, standardError } from "./batch-errors.ts";
import type { SimContext } from "./context.ts";
import { type HandlerResult, validationError } from "./handler-result.ts";
import { parseJsonBody } from "./request-body.ts";
import { isoAt } from "./responses.ts";

/** Quotes and line items share the create input shape (`SimplePublicObjectInputForCreate`). */
export type CreateInput = QuoteCreateInput;

export interface CreateHandlers {
  /** The problems of every input, in input order (some rules look across the batch). */
  problems(inputs: readonly CreateInput[]): InputProblem[][];
  /** Stores one valid input and returns it as the response shows it. */
  store(input: CreateInput, createdAt: string): unknown;
}

export function parseBatch<T>(
  ctx: SimContext,
  raw: string,
  schema: z.ZodType<T>,
): { ok: true; value: T } | { ok: false; result: HandlerResult } {
  const parsed = parseJsonBody(raw);
  if (!parsed.ok) return { ok: false, result: validationError(ctx, parsed.message) };
  const count = countInputs(parsed.value);
  if (count > MAX_BATCH_INPUTS) {
    return {
      ok: false,
      result: validationError(
        ctx,
        `Batch input contains ${count} inputs; the limit is ${MAX_BATCH_INPUTS} per request`,
      ),
    };
  }
  const request = schema.safeParse(parsed.value);
  if (!request.success) {
    const issue = request.error.issues[0];
    const where = issue?.path.map(String).join(".") ?? "";
    return {
      ok: false,
      result: validationError(
        ctx,
        `Invalid input JSON: ${where ? `${where}: ` : ""}${issue?.message ?? "wrong shape"}`,
      ),
    };
  }
  return { ok: true, value: request.data };
}

/**
 * `POST .../batch/create`. Inputs with trace ids fail one by one (207); a failing input without one fails the
 * whole request (400) and nothing is created, as FACTS.md warns. Results come back shuffled.
 */
export function runBatchCreate(ctx: SimContext, raw: string, handlers: CreateHandlers): HandlerResult {
  const requestedAt = isoAt(ctx.now());
  const parsed = parseBatch(ctx, raw, BatchCreateRequest);
  if (!parsed.ok) return parsed.result;
  const inputs = parsed.value.inputs;
  const problems = handlers.problems(inputs);
  const checked = inputs.map((input, i) => ({ input, problems: problems[i] ?? [] }));
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
    .map((item) => handlers.store(item.input, createdAt));
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
