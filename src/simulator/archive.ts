import { BatchArchiveRequest } from "../hubspot/batch-archive.ts";
import { parseBatch } from "./batch-create-flow.ts";
import type { SimContext } from "./context.ts";
import type { HandlerResult } from "./handler-result.ts";
import { isoAt } from "./responses.ts";

/** HubSpot answers an archive with 204 and no body, also for ids that do not exist. */
const NO_CONTENT: HandlerResult = { status: 204, body: undefined };

/** `POST /crm/v3/objects/quotes/batch/archive`: archiving a quote deletes its line items (FACTS.md). */
export function quotesBatchArchive(ctx: SimContext, raw: string): HandlerResult {
  const parsed = parseBatch(ctx, raw, BatchArchiveRequest);
  if (!parsed.ok) return parsed.result;
  const at = isoAt(ctx.now());
  for (const { id } of parsed.value.inputs) {
    const quote = ctx.quotes.archive(id, at);
    if (!quote) continue;
    for (const item of ctx.lineItems.ofParent({ type: "quotes", id })) ctx.lineItems.archive(item.id, at);
  }
  return NO_CONTENT;
}

/** `POST /crm/v3/objects/line_items/batch/archive`; the parent quote's amount drops accordingly. */
export function lineItemsBatchArchive(ctx: SimContext, raw: string): HandlerResult {
  const parsed = parseBatch(ctx, raw, BatchArchiveRequest);
  if (!parsed.ok) return parsed.result;
  const at = isoAt(ctx.now());
  for (const { id } of parsed.value.inputs) ctx.lineItems.archive(id, at);
  return NO_CONTENT;
}
