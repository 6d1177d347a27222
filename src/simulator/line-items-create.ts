import { type CreateInput, runBatchCreate } from "./batch-create-flow.ts";
import type { SimContext } from "./context.ts";
import type { HandlerResult } from "./handler-result.ts";
import { lineItemInputProblems, parentOf } from "./line-item-rules.ts";
import type { StoredLineItem } from "./line-item-store.ts";
import { normalizeProperties } from "./property-rules.ts";
import { formatAmount, lineItemTotals } from "./quote-amount.ts";

/** What a line item copies from its product unless the input sets it. */
const INHERITED = [
  "name",
  "price",
  "description",
  "hs_sku",
  "hs_recurring_billing_period",
  "recurringbillingfrequency",
];

function store(ctx: SimContext, input: CreateInput, createdAt: string): StoredLineItem {
  const id = ctx.lineItems.nextId();
  const own = normalizeProperties(ctx.portal.lineItemProperties, input.properties);
  const product = own.hs_product_id ? ctx.index.get(own.hs_product_id.trim())?.record : undefined;
  const properties: Record<string, string> = {};
  for (const name of INHERITED) {
    const value = product?.properties[name];
    if (value !== undefined && value !== "") properties[name] = value;
  }
  Object.assign(properties, own);
  if (!properties.hs_line_item_currency_code)
    properties.hs_line_item_currency_code = ctx.portal.account.companyCurrency;
  const totals = lineItemTotals(properties);
  Object.assign(properties, {
    amount: formatAmount(totals.amount),
    hs_total_discount: formatAmount(totals.discount),
    hs_object_id: id,
    createdate: createdAt,
    hs_lastmodifieddate: createdAt,
  });
  const item: StoredLineItem = {
    id,
    properties,
    createdAt,
    updatedAt: createdAt,
    archived: false,
    seeded: false,
    ...(input.objectWriteTraceId !== undefined ? { objectWriteTraceId: input.objectWriteTraceId } : {}),
  };
  ctx.lineItems.add(item, parentOf(input).parent);
  return item;
}

export function lineItemObject(
  item: StoredLineItem,
  properties: Record<string, string>,
  echoTraceId: boolean,
) {
  return {
    id: item.id,
    properties,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    archived: false,
    ...(echoTraceId && item.objectWriteTraceId !== undefined
      ? { objectWriteTraceId: item.objectWriteTraceId }
      : {}),
  };
}

/** `POST /crm/v3/objects/line_items/batch/create`; a created line item inherits its product's name and price. */
export function lineItemsBatchCreate(ctx: SimContext, raw: string): HandlerResult {
  return runBatchCreate(ctx, raw, {
    problems: (inputs) => lineItemInputProblems(ctx, inputs),
    store: (input, createdAt) => {
      const item = store(ctx, input, createdAt);
      return lineItemObject(item, item.properties, true);
    },
  });
}
