import type { Crm, IndexedRecord } from "./crm-data.ts";
import type { Prng } from "./prng.ts";
import type { QuoteStore } from "./quote-store.ts";

/** What request handlers share: the seeded CRM, the created quotes, the clock and seeded streams. */
export interface SimContext {
  crm: Crm;
  index: ReadonlyMap<string, IndexedRecord>;
  quotes: QuoteStore;
  /** Result order of batch responses. */
  shuffle: Prng;
  now(): number;
  correlationId(): string;
}
