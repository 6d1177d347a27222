import { findAssociationType } from "./association-types.ts";
import { type CreateInput, runBatchCreate } from "./batch-create-flow.ts";
import type { SimContext } from "./context.ts";
import type { HandlerResult } from "./handler-result.ts";
import { normalizeProperties } from "./property-rules.ts";
import { quoteView } from "./quote-amount.ts";
import { lineItemIdsOf, quoteInputProblems } from "./quote-input-rules.ts";
import type { StoredQuote } from "./quote-store.ts";

function store(ctx: SimContext, input: CreateInput, createdAt: string): StoredQuote {
  const id = ctx.quotes.nextId();
  const properties = normalizeProperties(ctx.portal.quoteProperties, input.properties);
  // A CPQ portal creates every quote as a draft, whatever status the input asks for.
  if (ctx.portal.quoteSystem === "cpq") properties.hs_status = "DRAFT";
  Object.assign(properties, {
    hs_object_id: id,
    hs_createdate: createdAt,
    hs_lastmodifieddate: createdAt,
    hs_locked: "false",
  });
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
    updatedAt: createdAt,
    ...(input.objectWriteTraceId !== undefined ? { objectWriteTraceId: input.objectWriteTraceId } : {}),
  };
  ctx.quotes.add(quote);
  // The line items become the quote's own: their one parent.
  for (const lineItemId of lineItemIdsOf(input)) ctx.lineItems.setParent(lineItemId, { type: "quotes", id });
  return quote;
}

/** A stored quote as the batch endpoints return it; only create echoes the trace id. */
export function toPublicObject(quote: StoredQuote, properties: Record<string, string>, echoTraceId = true) {
  return {
    id: quote.id,
    properties,
    createdAt: quote.createdAt,
    updatedAt: quote.updatedAt,
    archived: false,
    ...(echoTraceId && quote.objectWriteTraceId !== undefined
      ? { objectWriteTraceId: quote.objectWriteTraceId }
      : {}),
  };
}

/** `POST /crm/v3/objects/quotes/batch/create`. */
export function batchCreate(ctx: SimContext, raw: string): HandlerResult {
  return runBatchCreate(ctx, raw, {
    problems: (inputs) => quoteInputProblems(ctx, inputs),
    store: (input, createdAt) => {
      const quote = store(ctx, input, createdAt);
      return toPublicObject(quote, quoteView(ctx, quote));
    },
  });
}
