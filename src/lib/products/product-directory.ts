import { type ProductSummary, type ResolvedProducts, resolveProducts } from "../api/search-products.ts";

export type ProductStatus = "unknown" | "loading" | "found" | "missing" | "error";

/** Batching window: a paste of 2,000 lines asks for its products in one go, not per cell. */
const WINDOW_MS = 15;

/**
 * What the product library says about the product ids in the batch: names and prices for the grid and the
 * totals, and which ids do not exist, for validation. Every id any row uses is looked up (100 per request,
 * coalesced), not only those on screen. Framework-free; React reads it with `useSyncExternalStore`.
 */
export class ProductDirectory {
  private readonly found = new Map<string, ProductSummary>();
  private readonly missing = new Set<string>();
  private readonly failed = new Set<string>();
  private readonly inFlight = new Set<string>();
  private queued = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private version = 0;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly resolve: (ids: readonly string[]) => Promise<ResolvedProducts> = (ids) =>
      resolveProducts(ids),
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

  status(id: string): ProductStatus {
    const key = id.trim();
    if (this.found.has(key)) return "found";
    if (this.missing.has(key)) return "missing";
    if (this.failed.has(key)) return "error";
    if (this.inFlight.has(key) || this.queued.has(key)) return "loading";
    return "unknown";
  }

  /** Products picked in a lookup are already known: no need to read them again. */
  remember(product: ProductSummary): void {
    if (this.found.get(product.id) === product) return;
    this.found.set(product.id, product);
    this.missing.delete(product.id);
    this.bump();
  }

  /** Asks for every id not known yet (numeric ids only: anything else is not a product id). */
  request(ids: Iterable<string>): void {
    for (const raw of ids) {
      const id = raw.trim();
      if (!/^\d+$/.test(id) || this.found.has(id) || this.missing.has(id) || this.inFlight.has(id)) continue;
      this.queued.add(id);
    }
    if (this.queued.size > 0 && !this.timer) this.timer = setTimeout(() => void this.flush(), WINDOW_MS);
  }

  /** Ids whose lookup failed are asked again (after a network error). */
  retry(): void {
    const ids = [...this.failed];
    this.failed.clear();
    this.request(ids);
  }

  /** Resolves once nothing is queued or in flight (for tests and for validation before a submission). */
  async settled(): Promise<void> {
    while (this.timer || this.inFlight.size > 0)
      await new Promise((resolve) => setTimeout(resolve, WINDOW_MS));
  }

  private async flush(): Promise<void> {
    this.timer = undefined;
    const ids = [...this.queued];
    this.queued = new Set();
    for (const id of ids) this.inFlight.add(id);
    try {
      const result = await this.resolve(ids);
      for (const [id, product] of result.found) this.found.set(id, product);
      for (const id of result.missing) this.missing.add(id);
    } catch {
      for (const id of ids) this.failed.add(id);
    } finally {
      for (const id of ids) this.inFlight.delete(id);
      this.bump();
    }
  }

  private bump(): void {
    this.version += 1;
    for (const listener of this.listeners) listener();
  }
}
