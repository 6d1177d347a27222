import type { Crm, IndexedRecord } from "./crm-data.ts";
import type { LineItemStore } from "./line-item-store.ts";
import type { Portal } from "./portal.ts";
import type { Prng } from "./prng.ts";
import type { QuoteStore } from "./quote-store.ts";

/** What request handlers share: the portal, the seeded CRM, what was created, the clock and seeded streams. */
export interface SimContext {
  portal: Portal;
  crm: Crm;
  index: ReadonlyMap<string, IndexedRecord>;
  quotes: QuoteStore;
  lineItems: LineItemStore;
  /** Result order of batch responses. */
  shuffle: Prng;
  now(): number;
  correlationId(): string;
}

/** The type of the record with this id, if it exists now (created and archived records included). */
export function objectTypeOf(ctx: SimContext, id: string): string | undefined {
  if (ctx.lineItems.get(id)) return "line_items";
  if (ctx.quotes.get(id)) return "quotes";
  const indexed = ctx.index.get(id);
  return indexed && indexed.type !== "line_items" ? indexed.type : undefined;
}
