import { lineItemsBatchArchive, quotesBatchArchive } from "./archive.ts";
import { associationsBatchRead } from "./association-read.ts";
import { labelsFor, resolveTargetType } from "./association-types.ts";
import { batchCreate } from "./batch-create.ts";
import { batchRead } from "./batch-read.ts";
import type { SimContext } from "./context.ts";
import type { HandlerResult } from "./handler-result.ts";
import { lineItemsBatchCreate } from "./line-items-create.ts";
import { quotesBatchUpdate } from "./quote-update.ts";
import { listQuoteTemplates, search } from "./search.ts";

export interface Route {
  method: "GET" | "POST";
  pattern: RegExp;
  /** Search has its own per-second limit and sends no rate-limit headers. */
  limit: "normal" | "search";
  /** Writes are where faults strike. `batch` writes answer a batch body (status, results). */
  write?: "batch" | "archive";
  /** What a batch write answers when every input succeeds (201 for create, 200 for update). */
  successStatus?: number;
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

function catalogFor(ctx: SimContext, type: string) {
  if (type === "line_items") return ctx.portal.lineItemProperties;
  if (type === "products") return ctx.portal.productProperties;
  return ctx.portal.quoteProperties;
}

const LABELS_TARGET = "([A-Za-z0-9_-]+)";

export const ROUTES: readonly Route[] = [
  {
    method: "GET",
    pattern: /^\/crm\/v3\/properties\/(quotes|line_items|products)$/,
    limit: "normal",
    handle: (ctx, match) => ({ status: 200, body: { results: catalogFor(ctx, match[1] ?? "").list } }),
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
    handle: (ctx) => ({ status: 200, body: ctx.portal.account }),
  },
  {
    method: "POST",
    pattern: /^\/crm\/v3\/objects\/quotes\/batch\/create$/,
    limit: "normal",
    write: "batch",
    successStatus: 201,
    handle: (ctx, _match, _url, body) => batchCreate(ctx, body),
  },
  {
    method: "POST",
    pattern: /^\/crm\/v3\/objects\/quotes\/batch\/update$/,
    limit: "normal",
    write: "batch",
    handle: (ctx, _match, _url, body) => quotesBatchUpdate(ctx, body),
  },
  {
    method: "POST",
    pattern: /^\/crm\/v3\/objects\/quotes\/batch\/archive$/,
    limit: "normal",
    write: "archive",
    handle: (ctx, _match, _url, body) => quotesBatchArchive(ctx, body),
  },
  {
    method: "POST",
    pattern: /^\/crm\/v3\/objects\/line_items\/batch\/create$/,
    limit: "normal",
    write: "batch",
    successStatus: 201,
    handle: (ctx, _match, _url, body) => lineItemsBatchCreate(ctx, body),
  },
  {
    method: "POST",
    pattern: /^\/crm\/v3\/objects\/line_items\/batch\/archive$/,
    limit: "normal",
    write: "archive",
    handle: (ctx, _match, _url, body) => lineItemsBatchArchive(ctx, body),
  },
  {
    method: "POST",
    pattern: /^\/crm\/v3\/objects\/(quotes|line_items|products)\/batch\/read$/,
    limit: "normal",
    handle: (ctx, match, _url, body) => batchRead(ctx, match[1] ?? "", body),
  },
  {
    method: "POST",
    pattern: /^\/crm\/v4\/associations\/(quotes\/line_items|line_items\/quotes)\/batch\/read$/,
    limit: "normal",
    handle: (ctx, match, _url, body) =>
      associationsBatchRead(
        ctx,
        match[1] === "line_items/quotes" ? "line_items/quotes" : "quotes/line_items",
        body,
      ),
  },
  {
    method: "GET",
    pattern: /^\/crm\/v3\/objects\/quote_templates?$/,
    limit: "normal",
    handle: (ctx, _match, url) => listQuoteTemplates(ctx, url),
  },
  {
    method: "POST",
    pattern: /^\/crm\/v3\/objects\/(deals|contacts|companies|line_items|products)\/search$/,
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
