import type { Translate } from "../../../i18n/use-t.ts";
import type { ProductSummary } from "../../../lib/api/search-products.ts";

/** "Widget Pro · SKU WP-1 · 49.00": how a product reads in the lookup list. */
export function productLabel(product: ProductSummary, t: Translate): string {
  const parts = [product.name];
  if (product.sku) parts.push(t("products.sku", { sku: product.sku }));
  if (product.price !== undefined) parts.push(product.price.toFixed(2));
  return parts.join(" · ");
}
