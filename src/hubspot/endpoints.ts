/**
 * HubSpot paths this product uses. The browser calls them as `/api/hubspot<path>`; the proxy forwards
 * exactly these (method + path pattern) and nothing else.
 */
export const PROXY_PREFIX = "/api/hubspot";

/**
 * Set by the proxy on a 502 when the connection to HubSpot failed before a byte of the request left
 * (refused, or the host did not resolve): the submission queue may resend it without risking a duplicate.
 */
export const NOT_FORWARDED_HEADER = "x-proxy-not-forwarded";

/**
 * Set by the proxy on every error it answers itself (its value says which), never by HubSpot: the proxy drops
 * `x-proxy-*` headers from upstream answers, so `unauthenticated` here means the person's own sign-in ended,
 * not that HubSpot refused the token.
 */
export const PROXY_ERROR_HEADER = "x-proxy-error";
export const SIGNED_OUT_PROXY_ERROR = "unauthenticated";
/** On the proxy's session 401 when this app signs people in itself (OIDC): where signing in starts. */
export const SIGN_IN_HEADER = "x-qbc-sign-in";

export const hubspotPaths = {
  quoteProperties: "/crm/v3/properties/quotes",
  /** Property definitions of any type the product reads (`quotes`, `line_items`, `products`). */
  properties: (objectType: "quotes" | "line_items" | "products") => `/crm/v3/properties/${objectType}`,
  quotesBatchCreate: "/crm/v3/objects/quotes/batch/create",
  quotesBatchRead: "/crm/v3/objects/quotes/batch/read",
  quotesBatchUpdate: "/crm/v3/objects/quotes/batch/update",
  quotesBatchArchive: "/crm/v3/objects/quotes/batch/archive",
  lineItemsBatchCreate: "/crm/v3/objects/line_items/batch/create",
  lineItemsBatchRead: "/crm/v3/objects/line_items/batch/read",
  lineItemsBatchArchive: "/crm/v3/objects/line_items/batch/archive",
  productsBatchRead: "/crm/v3/objects/products/batch/read",
  /** The line items of each quote (type 67), or the quote of each line item (`line_items`, `quotes`: 68). */
  associationsBatchRead: (from: "quotes" | "line_items", to: "line_items" | "quotes") =>
    `/crm/v4/associations/${from}/${to}/batch/read`,
  quoteTemplates: "/crm/v3/objects/quote_template",
  accountDetails: "/account-info/v3/details",
  /** FACTS.md spells it `/crm/v4/associations/...`; the v4 spec `/crm/associations/v4/...`. Both are served. */
  associationLabels: (toObjectType: string) => `/crm/v4/associations/quotes/${toObjectType}/labels`,
  search: (objectType: string) => `/crm/v3/objects/${objectType}/search`,
} as const;

export interface AllowedRoute {
  method: "GET" | "POST";
  pattern: RegExp;
  /** Names the zod body schema the proxy checks before forwarding (POST only). */
  body?: "batchCreate" | "batchRead" | "batchUpdate" | "batchArchive" | "search" | "associationsRead";
}

const SEARCHABLE = "(deals|contacts|companies|line_items|products)";
const LABEL_TARGETS = "(deals|quote_template|quote_templates|contacts|companies|line_items|[0-9]+-[0-9]+)";

export const ALLOWED_ROUTES: readonly AllowedRoute[] = [
  { method: "GET", pattern: /^\/crm\/v3\/properties\/(quotes|line_items|products)$/ },
  {
    method: "POST",
    pattern: /^\/crm\/v3\/objects\/quotes\/batch\/create$/,
    body: "batchCreate",
  },
  {
    method: "POST",
    pattern: /^\/crm\/v3\/objects\/quotes\/batch\/update$/,
    body: "batchUpdate",
  },
  {
    method: "POST",
    pattern: /^\/crm\/v3\/objects\/quotes\/batch\/archive$/,
    body: "batchArchive",
  },
  {
    method: "POST",
    pattern: /^\/crm\/v3\/objects\/line_items\/batch\/create$/,
    body: "batchCreate",
  },
  {
    method: "POST",
    pattern: /^\/crm\/v3\/objects\/line_items\/batch\/archive$/,
    body: "batchArchive",
  },
  {
    method: "POST",
    pattern: /^\/crm\/v3\/objects\/(quotes|line_items|products)\/batch\/read$/,
    body: "batchRead",
  },
  {
    method: "POST",
    pattern: /^\/crm\/v4\/associations\/(quotes\/line_items|line_items\/quotes)\/batch\/read$/,
    body: "associationsRead",
  },
  { method: "GET", pattern: /^\/crm\/v3\/objects\/quote_templates?$/ },
  { method: "GET", pattern: /^\/account-info\/(v3|2026-03)\/details$/ },
  { method: "GET", pattern: new RegExp(`^/crm/v4/associations/quotes/${LABEL_TARGETS}/labels$`) },
  { method: "GET", pattern: new RegExp(`^/crm/associations/v4/quotes/${LABEL_TARGETS}/labels$`) },
  { method: "POST", pattern: new RegExp(`^/crm/v3/objects/${SEARCHABLE}/search$`), body: "search" },
];

export function findAllowedRoute(method: string, path: string): AllowedRoute | undefined {
  return ALLOWED_ROUTES.find((route) => route.method === method && route.pattern.test(path));
}

export const RATE_LIMIT_HEADERS = {
  max: "x-hubspot-ratelimit-max",
  remaining: "x-hubspot-ratelimit-remaining",
  intervalMs: "x-hubspot-ratelimit-interval-milliseconds",
  daily: "x-hubspot-ratelimit-daily",
  dailyRemaining: "x-hubspot-ratelimit-daily-remaining",
} as const;
