import type { Formatter } from "../../../i18n/format.ts";
import type { Translate } from "../../../i18n/use-t.ts";
import type { ProductSummary } from "../../../lib/api/search-products.ts";

/** "Widget Pro · SKU WP-1 · 49" (¥12,000 reads "12,000"): how a product reads in the lookup list. */
export function productLabel(product: ProductSummary, t: Translate, format: Formatter): string {
  const parts = [product.name];
  if (product.sku) parts.push(t("products.sku", { sku: product.sku }));
  if (product.price !== undefined) parts.push(format.number(product.price));
  return parts.join(" · ");
}
