import { SIMULATOR_ACCOUNT } from "./account.ts";
import { labelsFor, resolveTargetType } from "./association-types.ts";
import { batchCreate } from "./batch-create.ts";
import { batchRead } from "./batch-read.ts";
import type { SimContext } from "./context.ts";
import type { HandlerResult } from "./handler-result.ts";
import { QUOTE_PROPERTIES } from "./quote-properties.ts";
import { listQuoteTemplates, search } from "./search.ts";

export interface Route {
  method: "GET" | "POST";
  pattern: RegExp;
  /** Search has its own per-second limit and sends no rate-limit headers. */
  limit: "normal" | "search";
  /** Writes are where faults strike. */
  write?: boolean;
  handle(ctx: SimContext, match: RegExpExecArray, url: URL, body: string): HandlerResult;
}

function labels(ctx: SimContext, segment: string): HandlerResult {
  const target = resolveTargetType(segment);
  if (!target) {
    return {
      status: 400,
      body: {
        status: "error",
        message: `Unable to infer object type from: ${segment}`,
        correlationId: ctx.correlationId(),
        category: "VALIDATION_ERROR",
        links: {},
      },
    };
  }
  return { status: 200, body: { results: labelsFor(target) } };
}

const LABELS_TARGET = "([A-Za-z0-9_-]+)";

export const ROUTES: readonly Route[] = [
  {
    method: "GET",
    pattern: /^\/crm\/v3\/properties\/quotes$/,
    limit: "normal",
    handle: () => ({ status: 200, body: { results: QUOTE_PROPERTIES } }),
  },
  {
    method: "GET",
    pattern: new RegExp(`^/crm/v4/associations/quotes/${LABELS_TARGET}/labels$`),
    limit: "normal",
    handle: (ctx, match) => labels(ctx, match[1] ?? ""),
  },
  {
    method: "GET",
    pattern: new RegExp(`^/crm/associations/v4/quotes/${LABELS_TARGET}/labels$`),
    limit: "normal",
    handle: (ctx, match) => labels(ctx, match[1] ?? ""),
  },
  {
    method: "GET",
    pattern: /^\/account-info\/(v3|2026-03)\/details$/,
    limit: "normal",
    handle: () => ({ status: 200, body: SIMULATOR_ACCOUNT }),
  },
  {
    method: "POST",
    pattern: /^\/crm\/v3\/objects\/quotes\/batch\/create$/,
    limit: "normal",
    write: true,
    handle: (ctx, _match, _url, body) => batchCreate(ctx, body),
  },
  {
    method: "POST",
    pattern: /^\/crm\/v3\/objects\/quotes\/batch\/read$/,
    limit: "normal",
    handle: (ctx, _match, _url, body) => batchRead(ctx, body),
  },
  {
    method: "GET",
    pattern: /^\/crm\/v3\/objects\/quote_templates?$/,
    limit: "normal",
    handle: (ctx, _match, url) => listQuoteTemplates(ctx, url),
  },
  {
    method: "POST",
    pattern: /^\/crm\/v3\/objects\/(deals|contacts|companies|line_items)\/search$/,
    limit: "search",
    handle: (ctx, match, _url, body) => search(ctx, match[1] ?? "", body),
  },
];

export function matchRoute(
  method: string,
  path: string,
): { route: Route; match: RegExpExecArray } | undefined {
  for (const route of ROUTES) {
    if (route.method !== method) continue;
    const match = route.pattern.exec(path);
    if (match) return { route, match };
  }
  return undefined;
}
