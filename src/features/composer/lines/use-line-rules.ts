import { useMemo } from "react";
import { LineRules } from "../../../domain/validation/line-rules.ts";
import type { Property } from "../../../hubspot/properties.ts";
import type { ProductDirectory } from "../../../lib/products/product-directory.ts";
import { useProductsVersion } from "./use-products.ts";

/**
 * The line-item rules for validation, rebuilt when the portal's definitions load or the product library
 * answers (an id found missing makes its lines errors; the hub then re-checks the batch in slices).
 */
export function useLineRules(directory: ProductDirectory, properties: readonly Property[]): LineRules {
  const version = useProductsVersion(directory);
  // biome-ignore lint/correctness/useExhaustiveDependencies: version means the directory learned of products
  return useMemo(
    () =>
      new LineRules({
        properties,
        product: (id) => {
          const status = directory.status(id);
          return status === "found" || status === "missing" ? status : "unknown";
        },
      }),
    [directory, properties, version],
  );
}
