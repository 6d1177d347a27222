import type { Property } from "../../hubspot/properties.ts";
import { isWritable } from "../../hubspot/properties.ts";
import type { ColumnDef } from "../columns/column-def.ts";

/** The line-item properties the product reads and writes by name (FACTS.md, "Line items and products"). */
export const LINE_KEYS = {
  product: "hs_product_id",
  name: "name",
  quantity: "quantity",
  price: "price",
  discount: "discount",
  discountPercentage: "hs_discount_percentage",
  position: "hs_position_on_quote",
  currency: "hs_line_item_currency_code",
} as const;

/** First, in this order: what a person builds a line from. Then every other writable property. */
const LEADING = [LINE_KEYS.product, LINE_KEYS.quantity, LINE_KEYS.price, LINE_KEYS.discount] as const;

/**
 * Never columns: the position is the line's order in the grid (sent as `hs_position_on_quote`), the unique
 * key is stamped by the submission, and a product's SKU or a record id are not the line's to set.
 */
const NOT_COLUMNS = new Set<string>([LINE_KEYS.position, "batch_line_key", "hs_sku", "hs_object_id"]);

const WIDTHS: Record<string, number> = {
  [LINE_KEYS.product]: 260,
  [LINE_KEYS.quantity]: 100,
  [LINE_KEYS.price]: 130,
  [LINE_KEYS.discount]: 120,
  [LINE_KEYS.name]: 200,
};

/** The headers this product names itself (HubSpot's "Product ID" is not what the cell holds); the UI passes them translated. */
export interface LineColumnNames {
  product: string;
  price: string;
  discount: string;
}

export const ENGLISH_LINE_COLUMN_NAMES: LineColumnNames = {
  product: "Product",
  price: "Unit price",
  discount: "Discount (%)",
};

function ownLabel(name: string, names: LineColumnNames): string | undefined {
  if (name === LINE_KEYS.product) return names.product;
  if (name === LINE_KEYS.price) return names.price;
  if (name === LINE_KEYS.discount) return names.discount;
  return undefined;
}

function width(property: Property): number {
  const known = WIDTHS[property.name];
  if (known) return known;
  if (property.type === "number") return 120;
  if (property.fieldType === "textarea") return 240;
  return 160;
}

function lineColumn(property: Property, names: LineColumnNames): ColumnDef {
  return {
    kind: "property",
    key: property.name,
    label: ownLabel(property.name, names) ?? property.label,
    property,
    pinned: false,
    width: width(property),
  };
}

/**
 * The line grid's columns, from the portal's line-item property definitions: product, quantity, unit price,
 * discount, then every other writable property in HubSpot's display order. A portal that has only
 * `hs_discount_percentage` gets that as its discount column; one with both shows `discount` alone (two
 * discount columns would invite entering both).
 */
export function lineColumns(
  properties: readonly Property[],
  names: LineColumnNames = ENGLISH_LINE_COLUMN_NAMES,
): ColumnDef[] {
  const writable = properties.filter((property) => isWritable(property) && !property.hidden);
  const byName = new Map(writable.map((property) => [property.name, property]));
  if (byName.has(LINE_KEYS.discount)) byName.delete(LINE_KEYS.discountPercentage);
  const leading = LEADING.flatMap((name) => {
    const found =
      byName.get(name) ??
      (name === LINE_KEYS.discount ? byName.get(LINE_KEYS.discountPercentage) : undefined);
    return found ? [found] : [];
  });
  const taken = new Set(leading.map((property) => property.name));
  const rest = [...byName.values()]
    .filter((property) => !taken.has(property.name) && !NOT_COLUMNS.has(property.name))
    .sort((a, b) => (a.displayOrder ?? 0) - (b.displayOrder ?? 0));
  return [...leading, ...rest].map((property) => lineColumn(property, names));
}

/** The key the discount is kept under in this portal's columns. */
export function discountKey(columns: readonly ColumnDef[]): string {
  return columns.some((column) => column.key === LINE_KEYS.discount) ||
    !columns.some((column) => column.key === LINE_KEYS.discountPercentage)
    ? LINE_KEYS.discount
    : LINE_KEYS.discountPercentage;
}

const standard = (name: string, label: string, type: "string" | "number", description: string): Property => ({
  name,
  label,
  type,
  fieldType: type === "number" ? "number" : "text",
  groupName: "lineiteminformation",
  description,
  options: [],
});

/**
 * The line-item properties every HubSpot portal has. The line grid uses them while the portal's own
 * definitions load, or when they cannot be read, so line items can always be entered.
 */
export const STANDARD_LINE_ITEM_PROPERTIES: readonly Property[] = [
  standard(LINE_KEYS.product, "Product ID", "string", "The product the line copies its name and price from."),
  standard(LINE_KEYS.quantity, "Quantity", "number", "How many units; more than 0."),
  standard(LINE_KEYS.price, "Unit price", "number", "The price of one unit; 0 or more."),
  standard(LINE_KEYS.discount, "Discount (%)", "number", "A discount on the line, from 0 to 100 percent."),
];
