import { createContext, useContext, useEffect, useSyncExternalStore } from "react";
import type { BatchRow } from "../../../domain/batch/row.ts";
import { LINE_KEYS } from "../../../domain/lines/line-columns.ts";
import type { ProductDirectory } from "../../../lib/products/product-directory.ts";

/** The composer's product directory (created once by the composer page). */
export const ProductDirectoryContext = createContext<ProductDirectory | null>(null);

export function useProductDirectory(): ProductDirectory {
  const directory = useContext(ProductDirectoryContext);
  if (!directory) throw new Error("useProductDirectory needs a ProductDirectoryContext above it");
  return directory;
}

/** Bumps when product names, prices or missing ids arrive. */
export function useProductsVersion(directory: ProductDirectory): number {
  return useSyncExternalStore(directory.subscribe, directory.getVersion);
}

/** Asks the directory for the product of every line of every row (not only those on screen). */
export function useRequestProducts(directory: ProductDirectory, rows: readonly BatchRow[]): void {
  useEffect(() => {
    const ids = new Set<string>();
    for (const row of rows)
      for (const line of row.lines) {
        const id = line.cells[LINE_KEYS.product];
        if (id) ids.add(id);
      }
    directory.request(ids);
  }, [directory, rows]);
}
