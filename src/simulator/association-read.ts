import {
  AssociationBatchReadRequest,
  MAX_ASSOCIATION_READ_INPUTS,
} from "../hubspot/association-batch-read.ts";
import { LINE_ITEM_TO_QUOTE_TYPE_ID, QUOTE_TO_LINE_ITEM_TYPE_ID } from "../hubspot/line-items.ts";
import type { SimContext } from "./context.ts";
import { type HandlerResult, validationError } from "./handler-result.ts";
import { parseJsonBody } from "./request-body.ts";
import { isoAt } from "./responses.ts";

function associated(toObjectId: string, typeId: number) {
  return {
    toObjectId: Number(toObjectId),
    associationTypes: [{ category: "HUBSPOT_DEFINED", typeId, label: null }],
  };
}

/** The ids on the other side, or undefined when the `from` record does not exist. */
function otherSide(ctx: SimContext, direction: "quotes/line_items" | "line_items/quotes", id: string) {
  if (direction === "quotes/line_items") {
    if (!ctx.quotes.get(id)) return undefined;
    return ctx.lineItems
      .ofParent({ type: "quotes", id })
      .map((item) => associated(item.id, QUOTE_TO_LINE_ITEM_TYPE_ID));
  }
  const item = ctx.lineItems.get(id);
  if (!item) return undefined;
  return item.parent?.type === "quotes" ? [associated(item.parent.id, LINE_ITEM_TO_QUOTE_TYPE_ID)] : [];
}

/**
 * `POST /crm/v4/associations/quotes/line_items/batch/read` (a quote's own line items, type 67) and
 * `/line_items/quotes/` (a line item's quote, 68). A record with nothing associated has `to: []`; a record that
 * does not exist is an OBJECT_NOT_FOUND error (207).
 */
export function associationsBatchRead(
  ctx: SimContext,
  direction: "quotes/line_items" | "line_items/quotes",
  raw: string,
): HandlerResult {
  const requestedAt = isoAt(ctx.now());
  const parsed = parseJsonBody(raw);
  if (!parsed.ok) return validationError(ctx, parsed.message);
  const request = AssociationBatchReadRequest.safeParse(parsed.value);
  if (!request.success) {
    const issue = request.error.issues[0];
    return validationError(
      ctx,
      `Invalid input JSON: ${issue?.path.join(".") ?? ""}: ${issue?.message ?? ""} (at most ${MAX_ASSOCIATION_READ_INPUTS} inputs)`,
    );
  }
  const results: unknown[] = [];
  const missing: string[] = [];
  for (const { id } of request.data.inputs) {
    const to = otherSide(ctx, direction, id);
    if (to === undefined) missing.push(id);
    else results.push({ from: { id }, to });
  }
  const from = direction === "quotes/line_items" ? "QUOTE" : "LINE_ITEM";
  const errors =
    missing.length === 0
      ? {}
      : {
          numErrors: missing.length,
          errors: missing.map((id) => ({
            status: "error",
            category: "OBJECT_NOT_FOUND",
            message: `No ${from} with ID ${id} exists`,
            context: { ids: [id] },
            errors: [],
            links: {},
          })),
        };
  const body = {
    status: "COMPLETE",
    results,
    ...errors,
    requestedAt,
    startedAt: requestedAt,
    completedAt: isoAt(ctx.now()),
  };
  return { status: missing.length === 0 ? 200 : 207, body };
}
