import { queryOptions } from "@tanstack/react-query";
import type { SimplePublicObject } from "../../hubspot/batch-create.ts";
import { hubspotPaths } from "../../hubspot/endpoints.ts";
import { ObjectCollection } from "../../hubspot/search.ts";
import { requestHubspot } from "./client.ts";

export const quoteTemplateKeys = { all: ["hubspot", "quote-templates"] as const };

/** Accounts have a handful of templates; a cap keeps a broken cursor from looping forever. */
const MAX_PAGES = 20;

/** Every quote template (legacy listing, 100 a page), with its `hs_name`. Templates cannot be searched. */
export async function getQuoteTemplates(signal?: AbortSignal): Promise<SimplePublicObject[]> {
  const templates: SimplePublicObject[] = [];
  let after: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const params = new URLSearchParams({ properties: "hs_name", limit: "100" });
    if (after) params.set("after", after);
    const collection = await requestHubspot(`${hubspotPaths.quoteTemplates}?${params}`, ObjectCollection, {
      signal,
    });
    templates.push(...collection.results);
    after = collection.paging?.next?.after;
    if (!after) break;
  }
  return templates;
}

export function quoteTemplatesQuery() {
  return queryOptions({
    queryKey: quoteTemplateKeys.all,
    queryFn: ({ signal }) => getQuoteTemplates(signal),
    staleTime: 10 * 60_000,
  });
}
