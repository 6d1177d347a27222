import type { ProductSummary } from "../../../lib/api/search-products.ts";

/** "Widget Pro · SKU WP-1 · 49.00": how a product reads in the lookup list. */
export function productLabel(product: ProductSummary): string {
  const parts = [product.name];
  if (product.sku) parts.push(`SKU ${product.sku}`);
  if (product.price !== undefined) parts.push(product.price.toFixed(2));
  return parts.join(" · ");
}
