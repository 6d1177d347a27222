import { matchProductTerms, type ProductMatch } from "../../domain/lines/product-terms.ts";
import type { RecordName, ResolvedIds } from "../../domain/references/reference-checker.ts";
import {
  findProductsByNameOrSku,
  type ProductSummary,
  type ResolvedProducts,
  resolveProducts,
} from "../api/search-products.ts";

export type ProductStatus = "unknown" | "loading" | "found" | "missing" | "error";

/**
 * What the product library says about the product ids in the batch: names and prices for the grid and the
 * totals. It is the reference checker's resolver for products (`resolve`), so every id any line uses is
 * looked up in the checker's batches and pace (products and records share HubSpot's search limit), not only
 * those on screen; which ids are missing, for validation, is the checker's. Framework-free; React reads it
 * with `useSyncExternalStore`.
 */
export class ProductDirectory {
  private readonly found = new Map<string, ProductSummary>();
  private readonly missing = new Set<string>();
  private readonly failed = new Set<string>();
  private readonly inFlight = new Set<string>();
  private version = 0;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly fetchProducts: (ids: readonly string[]) => Promise<ResolvedProducts> = (ids) =>
      resolveProducts(ids),
    private readonly findProducts: (terms: readonly string[]) => Promise<ProductSummary[]> = (terms) =>
      findProductsByNameOrSku(terms),
  ) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  getVersion = (): number => this.version;

  product(id: string): ProductSummary | undefined {
    return this.found.get(id.trim());
  }

  price = (id: string): number | undefined => this.found.get(id.trim())?.price;

  /** "unknown": not asked yet (the checker has it queued, or it is not a product id). */
  status(id: string): ProductStatus {
    const key = id.trim();
    if (this.found.has(key)) return "found";
    if (this.missing.has(key)) return "missing";
    if (this.inFlight.has(key)) return "loading";
    if (this.failed.has(key)) return "error";
    return "unknown";
  }

  /** Products picked in a lookup are already known: their name and price show at once. */
  remember(product: ProductSummary): void {
    if (this.found.get(product.id) === product) return;
    this.found.set(product.id, product);
    this.missing.delete(product.id);
    this.bump();
  }

  /**
   * What product names or SKUs (pasted or imported into product cells) mean: the products found are
   * remembered, so their names and prices show at once. Throws when the library cannot be reached.
   */
  async matchTerms(terms: readonly string[]): Promise<Map<string, ProductMatch>> {
    if (terms.length === 0) return new Map();
    const products = await this.findProducts(terms);
    for (const product of products) this.remember(product);
    return matchProductTerms(terms, products);
  }

  /** The reference checker's resolver for `products`: reads the ids and remembers names and prices. */
  resolve = async (ids: readonly string[]): Promise<ResolvedIds> => {
    for (const id of ids) this.inFlight.add(id);
    this.bump();
    try {
      const result = await this.fetchProducts(ids);
      const found = new Map<string, RecordName>();
      for (const [id, product] of result.found) {
        this.found.set(id, product);
        this.failed.delete(id);
        found.set(id, { id, name: product.name, ...(product.sku ? { detail: product.sku } : {}) });
      }
      for (const id of result.missing) {
        this.missing.add(id);
        this.failed.delete(id);
      }
      return { found, missing: result.missing };
    } catch (error) {
      // The checker asks again later; until then the cell says the library could not be reached.
      for (const id of ids) this.failed.add(id);
      throw error;
    } finally {
      for (const id of ids) this.inFlight.delete(id);
      this.bump();
    }
  };

  private bump(): void {
    this.version += 1;
    for (const listener of this.listeners) listener();
  }
}
