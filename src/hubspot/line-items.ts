/** Line-item facts the client and the simulator share (FACTS.md, "Line items and products"). */

/** Quote → line item (on a quote create) and line item → quote (on a line-item create). */
export const QUOTE_TO_LINE_ITEM_TYPE_ID = 67;
export const LINE_ITEM_TO_QUOTE_TYPE_ID = 68;
/** Line item → deal: the seeded CRM's line items belong to deals. */
export const LINE_ITEM_TO_DEAL_TYPE_ID = 20;

/**
 * A custom unique-value line-item property the portal admin creates (as `batch_row_key` on quotes), so that a
 * line-item create with an unknown outcome can be found again with `batch/read` and `idProperty`.
 */
export const LINE_ITEM_UNIQUE_PROPERTY = "batch_line_key";

/** The line-item properties a quote's lines are built from; `amount` and `hs_total_discount` are calculated. */
export const LINE_ITEM_PROPERTY_NAMES = {
  product: "hs_product_id",
  name: "name",
  quantity: "quantity",
  price: "price",
  /** A percentage (0–100) in this product; `hs_discount_percentage` is read the same way. */
  discount: "discount",
  discountPercentage: "hs_discount_percentage",
  position: "hs_position_on_quote",
  currency: "hs_line_item_currency_code",
  billingPeriod: "hs_recurring_billing_period",
  amount: "amount",
} as const;

/** What a product offers a line item (`POST /crm/v3/objects/products/search`, `batch/read`). */
export const PRODUCT_PROPERTY_NAMES = [
  "name",
  "hs_sku",
  "price",
  "description",
  "hs_recurring_billing_period",
  "recurringbillingfrequency",
] as const;
