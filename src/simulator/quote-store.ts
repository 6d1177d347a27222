import { UNIQUE_PROPERTY_NAME } from "./quote-properties.ts";

export interface StoredQuote {
  id: string;
  properties: Record<string, string>;
  associations: { toObjectType: string; toId: string; typeId: number; category: string }[];
  objectWriteTraceId?: string;
  createdAt: string;
  updatedAt: string;
  /** Set by batch archive; an archived quote is not found any more and frees its unique value. */
  archivedAt?: string;
}

const FIRST_QUOTE_ID = 61_000_000_001;

/** The quotes batch create made, kept in creation order; looked up by id and by the unique property. */
export function createQuoteStore() {
  let quotes: StoredQuote[] = [];
  let byId = new Map<string, StoredQuote>();
  let byUnique = new Map<string, StoredQuote>();
  let created = 0;
  return {
    nextId(): string {
      // Gaps between ids, as HubSpot's are not consecutive either.
      return String(FIRST_QUOTE_ID + created++ * 7);
    },
    add(quote: StoredQuote): void {
      quotes.push(quote);
      byId.set(quote.id, quote);
      const key = quote.properties[UNIQUE_PROPERTY_NAME];
      if (key !== undefined && key !== "") byUnique.set(key, quote);
    },
    get(id: string): StoredQuote | undefined {
      return byId.get(id);
    },
    getByUnique(value: string): StoredQuote | undefined {
      return byUnique.get(value);
    },
    archive(id: string, at: string): StoredQuote | undefined {
      const quote = byId.get(id);
      if (!quote) return undefined;
      quote.archivedAt = at;
      byId.delete(id);
      const key = quote.properties[UNIQUE_PROPERTY_NAME];
      if (key !== undefined && byUnique.get(key) === quote) byUnique.delete(key);
      return quote;
    },
    /** A snapshot, archived quotes included: later creates do not change an array already handed out. */
    all(): readonly StoredQuote[] {
      return [...quotes];
    },
    reset(): void {
      quotes = [];
      byId = new Map();
      byUnique = new Map();
      created = 0;
    },
  };
}
export type QuoteStore = ReturnType<typeof createQuoteStore>;
