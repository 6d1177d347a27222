import { useSyncExternalStore } from "react";
import type { ProductDirectory } from "../../../lib/products/product-directory.ts";
import { useAppServices } from "../../../lib/services/app-services-context.tsx";

/** The app's product directory (names and prices of the products the batch's lines use). */
export function useProductDirectory(): ProductDirectory {
  return useAppServices().products;
}

/** Bumps when product names, prices or missing ids arrive. */
export function useProductsVersion(directory: ProductDirectory): number {
  return useSyncExternalStore(directory.subscribe, directory.getVersion);
}
