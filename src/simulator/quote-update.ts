import { type BatchUpdateInput, BatchUpdateRequest } from "../hubspot/batch-update.ts";
import { PUBLISHED_STATUS } from "../hubspot/quote-publishing.ts";
import { toPublicObject } from "./batch-create.ts";
import { parseBatch } from "./batch-create-flow.ts";
import { type InputProblem, otherProblem, standardError } from "./batch-errors.ts";
import type { SimContext } from "./context.ts";
import type { HandlerResult } from "./handler-result.ts";
import { normalizeProperties, propertyProblems } from "./property-rules.ts";
import { quoteView } from "./quote-amount.ts";
import { UNIQUE_PROPERTY_NAME } from "./quote-properties.ts";
import { publishedProperties, publishProblems } from "./quote-publish.ts";
import type { StoredQuote } from "./quote-store.ts";
import { isoAt } from "./responses.ts";

function findQuote(ctx: SimContext, input: BatchUpdateInput): StoredQuote | undefined {
  return input.idProperty === UNIQUE_PROPERTY_NAME
    ? ctx.quotes.getByUnique(input.id)
    : ctx.quotes.get(input.id);
}

function unchanged(quote: StoredQuote, properties: Record<string, string>): boolean {
  return Object.entries(properties).every(([name, value]) => (quote.properties[name] ?? "") === value);
}

function problemsOf(
  ctx: SimContext,
  input: BatchUpdateInput,
  quote: StoredQuote | undefined,
): InputProblem[] {
  if (
    input.idProperty !== undefined &&
    input.idProperty !== "hs_object_id" &&
    input.idProperty !== UNIQUE_PROPERTY_NAME
  ) {
    return [
      otherProblem(
        "VALIDATION_ERROR",
        "INVALID_ID_PROPERTY",
        `Property "${input.idProperty}" is not a unique-value property of quotes`,
      ),
    ];
  }
  if (!quote)
    return [otherProblem("OBJECT_NOT_FOUND", "OBJECT_NOT_FOUND", `No quote with ID ${input.id} exists`)];
  const problems = propertyProblems(ctx.portal.quoteProperties, input.properties);
  if (problems.length > 0) return problems;
  const properties = normalizeProperties(ctx.portal.quoteProperties, input.properties);
  // A repeated publish (say, after an unknown outcome) changes nothing and succeeds.
  if (quote.properties.hs_locked === "true" && !unchanged(quote, properties)) {
    return [
      otherProblem(
        "VALIDATION_ERROR",
        "QUOTE_LOCKED",
        `Quote ${quote.id} is published and locked; it cannot be changed through the API. Edit it in HubSpot.`,
      ),
    ];
  }
  return publishProblems(ctx, quote, properties);
}

/**
 * `POST /crm/v3/objects/quotes/batch/update`: property changes, and publishing (`hs_status` →
 * `APPROVAL_NOT_NEEDED`), which locks the quote and gives it its links and number. Each input succeeds or
 * fails alone (207), named by its trace id and its record id.
 */
export function quotesBatchUpdate(ctx: SimContext, raw: string): HandlerResult {
  const requestedAt = isoAt(ctx.now());
  const parsed = parseBatch(ctx, raw, BatchUpdateRequest);
  if (!parsed.ok) return parsed.result;
  const results: unknown[] = [];
  const errors: ReturnType<typeof standardError>[] = [];
  const at = isoAt(ctx.now());
  for (const input of parsed.value.inputs) {
    const quote = findQuote(ctx, input);
    const problems = problemsOf(ctx, input, quote);
    if (!quote || problems.length > 0) {
      errors.push(standardError(problems, input.objectWriteTraceId, [input.id]));
      continue;
    }
    const properties = normalizeProperties(ctx.portal.quoteProperties, input.properties);
    if (!unchanged(quote, properties)) {
      const publishing =
        properties.hs_status === PUBLISHED_STATUS && quote.properties.hs_status !== PUBLISHED_STATUS;
      Object.assign(quote.properties, properties, { hs_lastmodifieddate: at });
      if (publishing) Object.assign(quote.properties, publishedProperties(ctx, quote));
      quote.updatedAt = at;
    }
    results.push(toPublicObject(quote, quoteView(ctx, quote), false));
  }
  const body = {
    status: "COMPLETE",
    results: ctx.shuffle.shuffle(results),
    ...(errors.length > 0 ? { numErrors: errors.length, errors } : {}),
    requestedAt,
    startedAt: requestedAt,
    completedAt: isoAt(ctx.now()),
  };
  return { status: errors.length > 0 ? 207 : 200, body };
}
