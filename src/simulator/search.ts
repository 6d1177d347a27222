import { SearchRequest } from "../hubspot/search.ts";
import { resolveTargetType } from "./association-types.ts";
import type { SimContext } from "./context.ts";
import type { CrmObjectType, CrmRecord } from "./crm-data.ts";
import { type HandlerResult, validationError } from "./handler-result.ts";
import { parseJsonBody } from "./request-body.ts";
import { matchesFilterGroups, matchesQuery, ownValue, sortRecords } from "./search-filters.ts";

/** What `query` looks in, and what every result carries without asking (HubSpot's defaults). */
const SEARCHABLE: Record<CrmObjectType, readonly string[]> = {
  deals: ["dealname"],
  contacts: ["firstname", "lastname", "fullname", "email"],
  companies: ["name", "domain"],
  line_items: ["name", "hs_sku"],
  quote_template: ["hs_name"],
  products: ["name", "hs_sku", "description"],
};
const DEFAULT_PROPERTIES: Record<CrmObjectType, readonly string[]> = {
  deals: ["dealname", "amount", "dealstage", "pipeline", "closedate"],
  contacts: ["firstname", "lastname", "email"],
  companies: ["name", "domain"],
  line_items: ["name", "price", "quantity", "amount"],
  quote_template: [],
  products: ["name", "hs_sku", "price", "description", "hs_recurring_billing_period"],
};
const ALWAYS = ["createdate", "hs_lastmodifieddate", "hs_object_id"];

function publicRecord(record: CrmRecord, type: CrmObjectType, requested: readonly string[]) {
  const names = new Set([...DEFAULT_PROPERTIES[type], ...ALWAYS, ...requested]);
  const properties: Record<string, string> = {};
  for (const name of names) {
    const value = ownValue(record.properties, name);
    if (value !== undefined) properties[name] = value;
  }
  return {
    id: record.id,
    properties,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    archived: false,
  };
}

function offsetOf(after: string | null | undefined): number | undefined {
  if (after === undefined || after === null || after === "") return 0;
  return /^\d+$/.test(after) ? Number(after) : undefined;
}

/** `POST /crm/v3/objects/{type}/search`: query, filter groups, sorts, paging by offset cursor. */
export function search(ctx: SimContext, segment: string, raw: string): HandlerResult {
  const type = resolveTargetType(segment);
  if (!type) return validationError(ctx, `Unable to infer object type from: ${segment}`);
  const parsed = parseJsonBody(raw);
  if (!parsed.ok) return validationError(ctx, parsed.message);
  const request = SearchRequest.safeParse(parsed.value);
  if (!request.success) {
    const issue = request.error.issues[0];
    return validationError(
      ctx,
      `Invalid search request: ${issue?.path.join(".") ?? ""} ${issue?.message ?? ""}`.trim(),
    );
  }
  const { query, filterGroups, sorts, properties, limit, after } = request.data;
  const offset = offsetOf(after);
  if (offset === undefined) return validationError(ctx, `"${after}" is not a valid paging cursor`);
  const records = type === "line_items" ? ctx.lineItems.live() : ctx.crm[type];
  const matching = records.filter(
    (record) => matchesQuery(record, query, SEARCHABLE[type]) && matchesFilterGroups(record, filterGroups),
  );
  const sorted = sortRecords(matching, sorts);
  const page = sorted.slice(offset, offset + limit).map((record) => publicRecord(record, type, properties));
  const next = offset + limit < sorted.length ? { paging: { next: { after: String(offset + limit) } } } : {};
  return { status: 200, body: { total: sorted.length, results: page, ...next } };
}

/** `GET /crm/v3/objects/quote_template?properties=hs_name&limit=&after=` (a collection with paging). */
export function listQuoteTemplates(ctx: SimContext, url: URL): HandlerResult {
  const requested = url.searchParams.getAll("properties").flatMap((value) => value.split(","));
  const limitParam = url.searchParams.get("limit");
  const limit = limitParam === null ? 10 : Number(limitParam);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    return validationError(ctx, `limit must be a whole number from 1 to 100, not "${limitParam}"`);
  }
  const offset = offsetOf(url.searchParams.get("after"));
  if (offset === undefined) return validationError(ctx, "The paging cursor in after is not valid");
  const all = ctx.crm.quote_template;
  const results = all
    .slice(offset, offset + limit)
    .map((record) => publicRecord(record, "quote_template", requested));
  const nextAfter = String(offset + limit);
  const paging =
    offset + limit < all.length
      ? { paging: { next: { after: nextAfter, link: `${url.pathname}?after=${nextAfter}` } } }
      : {};
  return { status: 200, body: { results, ...paging } };
}
