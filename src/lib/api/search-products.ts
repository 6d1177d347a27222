import { queryOptions } from "@tanstack/react-query";
import type { SimplePublicObject } from "../../hubspot/batch-create.ts";
import { hubspotPaths } from "../../hubspot/endpoints.ts";
import { ObjectCollection, type SearchRequestInput } from "../../hubspot/search.ts";
import { requestHubspot } from "./client.ts";

/** A product of the library as the line grid shows and prices it. */
export interface ProductSummary {
  id: string;
  name: string;
  sku: string | undefined;
  /** The unit price a line inherits, in the portal's currency; undefined when the product has none. */
  price: number | undefined;
  /** Per-currency prices (`hs_price_eur`…) in multi-currency portals, keyed by upper-case ISO code. */
  prices: Readonly<Record<string, number>>;
  billingPeriod: string | undefined;
}

export interface ResolvedProducts {
  found: ReadonlyMap<string, ProductSummary>;
  /** Ids the product library does not have: validation flags the lines that use them. */
  missing: readonly string[];
}

export const productKeys = {
  all: ["hubspot", "products"] as const,
  search: (term: string) => [...productKeys.all, "search", term] as const,
  byIds: (ids: readonly string[]) => [...productKeys.all, "by-id", ...ids] as const,
};

const PROPERTIES = ["name", "hs_sku", "price", "description", "hs_recurring_billing_period"];
const PRODUCT_ID = /^\d+$/;
/** HubSpot's IN filter takes at most 100 values. */
const IDS_PER_REQUEST = 100;
const SEARCH_LIMIT = 10;
const CURRENCY_PRICE = /^hs_price_([a-z]{3})$/;

function toNumber(text: string | null | undefined): number | undefined {
  if (text == null || text.trim() === "") return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

export function summarizeProduct(object: SimplePublicObject): ProductSummary {
  const props = object.properties;
  const prices: Record<string, number> = {};
  for (const [key, value] of Object.entries(props)) {
    const match = CURRENCY_PRICE.exec(key);
    const price = toNumber(value);
    if (match?.[1] && price !== undefined) prices[match[1].toUpperCase()] = price;
  }
  return {
    id: object.id,
    name: props.name || `Product ${object.id}`,
    sku: props.hs_sku || undefined,
    price: toNumber(props.price),
    prices,
    billingPeriod: props.hs_recurring_billing_period || undefined,
  };
}

/** Products whose name or SKU matches what was typed (HubSpot's `query` searches both). */
export async function searchProducts(term: string, signal?: AbortSignal): Promise<ProductSummary[]> {
  const collection = await requestHubspot(hubspotPaths.search("products"), ObjectCollection, {
    method: "POST",
    body: { query: term.trim(), properties: PROPERTIES, limit: SEARCH_LIMIT } satisfies SearchRequestInput,
    signal,
  });
  return collection.results.map(summarizeProduct);
}

export function searchProductsQuery(term: string) {
  return queryOptions({
    queryKey: productKeys.search(term.trim().toLowerCase()),
    queryFn: ({ signal }) => searchProducts(term, signal),
    enabled: term.trim() !== "",
    staleTime: 60_000,
  });
}

/** The given product ids, 100 per search (`hs_object_id IN [...]`), and which ones do not exist. */
export async function resolveProducts(
  ids: readonly string[],
  signal?: AbortSignal,
): Promise<ResolvedProducts> {
  const wanted = [...new Set(ids)].filter((id) => PRODUCT_ID.test(id));
  const found = new Map<string, ProductSummary>();
  for (let from = 0; from < wanted.length; from += IDS_PER_REQUEST) {
    const values = wanted.slice(from, from + IDS_PER_REQUEST);
    const collection = await requestHubspot(hubspotPaths.search("products"), ObjectCollection, {
      method: "POST",
      body: {
        filterGroups: [{ filters: [{ propertyName: "hs_object_id", operator: "IN", values }] }],
        properties: PROPERTIES,
        limit: IDS_PER_REQUEST,
      } satisfies SearchRequestInput,
      signal,
    });
    for (const object of collection.results) found.set(object.id, summarizeProduct(object));
  }
  return { found, missing: wanted.filter((id) => !found.has(id)) };
}

/** Ids are sorted into the key so the same set of ids shares one cache entry. */
export function resolveProductsQuery(ids: readonly string[]) {
  const sorted = [...new Set(ids)].filter((id) => PRODUCT_ID.test(id)).sort();
  return queryOptions({
    queryKey: productKeys.byIds(sorted),
    queryFn: ({ signal }) => resolveProducts(sorted, signal),
    enabled: sorted.length > 0,
    staleTime: 5 * 60_000,
  });
}

/** Terms per request: each is sent twice (as a SKU and as a name), within HubSpot's 100 values per IN. */
const TERMS_PER_REQUEST = 100;
/** HubSpot's search returns at most 200 results a page. */
const TERM_RESULTS = 200;

/**
 * Products whose SKU or name is exactly one of `terms` (case-insensitive, as HubSpot's IN compares), for
 * product names and SKUs pasted or imported into line items: one search per 100 terms (SKU IN … OR name
 * IN …). Terms are sent NFKC-normalised (full-width "ＷＩＤＧＥＴ" is searched as "WIDGET").
 */
export async function findProductsByNameOrSku(
  terms: readonly string[],
  signal?: AbortSignal,
): Promise<ProductSummary[]> {
  const values = [...new Set(terms.map((term) => term.normalize("NFKC").trim()).filter(Boolean))];
  const found = new Map<string, ProductSummary>();
  for (let from = 0; from < values.length; from += TERMS_PER_REQUEST) {
    const slice = values.slice(from, from + TERMS_PER_REQUEST);
    const collection = await requestHubspot(hubspotPaths.search("products"), ObjectCollection, {
      method: "POST",
      body: {
        filterGroups: [
          { filters: [{ propertyName: "hs_sku", operator: "IN", values: slice }] },
          { filters: [{ propertyName: "name", operator: "IN", values: slice }] },
        ],
        properties: PROPERTIES,
        limit: TERM_RESULTS,
      } satisfies SearchRequestInput,
      signal,
    });
    for (const object of collection.results) found.set(object.id, summarizeProduct(object));
  }
  return [...found.values()];
}
