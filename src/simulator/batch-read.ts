import { BatchReadRequest } from "../hubspot/batch-read.ts";
import { LINE_ITEM_UNIQUE_PROPERTY } from "../hubspot/line-items.ts";
import { toPublicObject } from "./batch-create.ts";
import { parseBatch } from "./batch-create-flow.ts";
import type { SimContext } from "./context.ts";
import { type HandlerResult, validationError } from "./handler-result.ts";
import type { PropertyCatalog } from "./property-catalog.ts";
import { quoteView } from "./quote-amount.ts";
import { UNIQUE_PROPERTY_NAME } from "./quote-properties.ts";
import { isoAt } from "./responses.ts";

/** A type batch read can read: by id, by its unique-value property, and how a found record looks. */
interface ReadSource {
  /** HubSpot's word in "Could not get some QUOTE objects". */
  label: string;
  catalog: PropertyCatalog;
  always: readonly string[];
  find(
    id: string,
    byProperty: string | undefined,
  ): { properties: Record<string, string>; toObject(p: Record<string, string>): unknown } | undefined;
}

function pick(all: Record<string, string>, names: readonly string[]): Record<string, string> {
  const properties: Record<string, string> = {};
  for (const name of names) {
    const value = Object.hasOwn(all, name) ? all[name] : undefined;
    if (value !== undefined) properties[name] = value;
  }
  return properties;
}

const STAMPS = ["createdate", "hs_lastmodifieddate", "hs_object_id"];

function sourceFor(ctx: SimContext, type: string): ReadSource | undefined {
  if (type === "quotes") {
    return {
      label: "QUOTE",
      catalog: ctx.portal.quoteProperties,
      always: ["hs_createdate", "hs_lastmodifieddate", "hs_object_id"],
      find(id, byProperty) {
        const quote = byProperty === UNIQUE_PROPERTY_NAME ? ctx.quotes.getByUnique(id) : ctx.quotes.get(id);
        return (
          quote && { properties: quoteView(ctx, quote), toObject: (p) => toPublicObject(quote, p, false) }
        );
      },
    };
  }
  if (type === "line_items") {
    return {
      label: "LINE_ITEM",
      catalog: ctx.portal.lineItemProperties,
      always: STAMPS,
      find(id, byProperty) {
        const item =
          byProperty === LINE_ITEM_UNIQUE_PROPERTY ? ctx.lineItems.getByUnique(id) : ctx.lineItems.get(id);
        return item && { properties: item.properties, toObject: (p) => recordObject(item, p) };
      },
    };
  }
  if (type === "products") {
    return {
      label: "PRODUCT",
      catalog: ctx.portal.productProperties,
      always: STAMPS,
      find(id, byProperty) {
        const found = byProperty === undefined ? ctx.index.get(id) : undefined;
        const record = found?.type === "products" ? found.record : undefined;
        return record && { properties: record.properties, toObject: (p) => recordObject(record, p) };
      },
    };
  }
  return undefined;
}

function recordObject(
  record: { id: string; createdAt: string; updatedAt: string },
  properties: Record<string, string>,
) {
  return {
    id: record.id,
    properties,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    archived: false,
  };
}

/**
 * `POST /crm/v3/objects/{quotes|line_items|products}/batch/read` by record id, or by a unique-value property
 * (`idProperty`): the way to find out what a create with an unknown outcome actually made.
 */
export function batchRead(ctx: SimContext, type: string, raw: string): HandlerResult {
  const requestedAt = isoAt(ctx.now());
  const source = sourceFor(ctx, type);
  if (!source) return validationError(ctx, `Unable to infer object type from: ${type}`);
  const parsed = parseBatch(ctx, raw, BatchReadRequest);
  if (!parsed.ok) return parsed.result;
  const { inputs, properties, idProperty } = parsed.value;
  const byProperty = idProperty !== undefined && idProperty !== "hs_object_id" ? idProperty : undefined;
  if (byProperty !== undefined && source.catalog.byName.get(byProperty)?.hasUniqueValue !== true) {
    return validationError(
      ctx,
      `Property "${byProperty}" is not a unique-value property of ${type}, so it cannot be an idProperty`,
    );
  }
  const names = [...new Set([...source.always, ...properties, ...(byProperty ? [byProperty] : [])])];
  const found: unknown[] = [];
  const missing: string[] = [];
  for (const { id } of inputs) {
    const record = source.find(id, byProperty);
    if (record) found.push(record.toObject(pick(record.properties, names)));
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
              message: `Could not get some ${source.label} objects, they may be deleted or not exist. Check that ids are valid.`,
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
