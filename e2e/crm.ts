import type { Page } from "@playwright/test";
import { z } from "zod";

const Records = z.object({ results: z.array(z.object({ id: z.string() })) });
const ids = (body: unknown): string[] => Records.parse(body).results.map((record) => record.id);

/** Three products, a deal and a template of the simulator's seeded CRM, read through the app's own API. */
export async function seededCrm(page: Page) {
  const search = (type: string) =>
    page.request
      .post(`/api/hubspot/crm/v3/objects/${type}/search`, { data: { limit: 3 } })
      .then((r) => r.json());
  const templates = await page.request
    .get("/api/hubspot/crm/v3/objects/quote_template?limit=1")
    .then((r) => r.json());
  return {
    products: ids(await search("products")),
    deal: ids(await search("deals"))[0],
    template: ids(templates)[0],
  };
}
