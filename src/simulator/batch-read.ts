import { BatchReadRequest } from "../hubspot/batch-read.ts";
import { toPublicObject } from "./batch-create.ts";
import type { SimContext } from "./context.ts";
import { type HandlerResult, validationError } from "./handler-result.ts";
import { QUOTE_PROPERTIES_BY_NAME } from "./quote-properties.ts";
import type { StoredQuote } from "./quote-store.ts";
import { parseJsonBody } from "./request-body.ts";
import { isoAt } from "./responses.ts";

const ALWAYS = ["hs_createdate", "hs_lastmodifieddate", "hs_object_id"];

function pick(quote: StoredQuote, names: readonly string[]): Record<string, string> {
  const properties: Record<string, string> = {};
  for (const name of names) {
    const value = quote.properties[name];
    if (value !== undefined) properties[name] = value;
  }
  return properties;
}

/**
 * `POST /crm/v3/objects/quotes/batch/read` by record id, or by a unique-value property (`idProperty`):
 * the way to find out what a create with an unknown outcome actually made.
 */
export function batchRead(ctx: SimContext, raw: string): HandlerResult {
  const requestedAt = isoAt(ctx.now());
  const parsed = parseJsonBody(raw);
  if (!parsed.ok) return validationError(ctx, parsed.message);
  const request = BatchReadRequest.safeParse(parsed.value);
  if (!request.success) {
    const issue = request.error.issues[0];
    return validationError(
      ctx,
      `Invalid input JSON: ${issue?.path.join(".") ?? ""} ${issue?.message ?? ""}`.trim(),
    );
  }
  const { inputs, properties, idProperty } = request.data;
  const byProperty = idProperty !== undefined && idProperty !== "hs_object_id";
  if (byProperty && QUOTE_PROPERTIES_BY_NAME.get(idProperty)?.hasUniqueValue !== true) {
    return validationError(
      ctx,
      `Property "${idProperty}" is not a unique-value property of quotes, so it cannot be an idProperty`,
    );
  }
  const names = [...new Set([...ALWAYS, ...properties, ...(byProperty ? [idProperty] : [])])];
  const found: ReturnType<typeof toPublicObject>[] = [];
  const missing: string[] = [];
  for (const { id } of inputs) {
    const quote = byProperty ? ctx.quotes.getByUnique(id) : ctx.quotes.get(id);
    if (quote) found.push(toPublicObject(quote, pick(quote, names), false));
    else missing.push(id);
  }
  const errors =
    missing.length === 0
      ? {}
      : {
          numErrors: 1,
          errors: [
            {
              status: "error",
              category: "OBJECT_NOT_FOUND",
              message:
                "Could not get some QUOTE objects, they may be deleted or not exist. Check that ids are valid.",
              context: { ids: missing },
              errors: [],
              links: {},
            },
          ],
        };
  const body = {
    status: "COMPLETE",
    results: ctx.shuffle.shuffle(found),
    ...errors,
    requestedAt,
    startedAt: requestedAt,
    completedAt: isoAt(ctx.now()),
  };
  return { status: missing.length === 0 ? 200 : 207, body };
}
