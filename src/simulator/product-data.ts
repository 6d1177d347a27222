import type { CrmRecord } from "./crm-data.ts";
import { EDITIONS, REGIONS, SERVICES, SIZES, SUBSCRIPTIONS, TERMS } from "./product-names.ts";
import { JA_EDITIONS, JA_FAMILY_NAMES, JA_REGIONS } from "./product-names-ja.ts";

/** One product before it gets its id and timestamps. */
export type ProductProperties = Record<string, string>;

export interface ProductPricing {
  /** The company currency's code and how many of it make one US dollar. */
  currency: string;
  perUsd: number;
  /** Decimal places of the company currency (JPY has none). */
  decimals: number;
  /** Other currencies of the portal with their rate per US dollar, for `hs_price_<iso>`. */
  others: readonly (readonly [code: string, perUsd: number, decimals: number])[];
}

function round(value: number, decimals: number): string {
  return value.toFixed(decimals);
}

function priced(usd: number, pricing: ProductPricing): ProductProperties {
  const out: ProductProperties = {
    price: round(usd * pricing.perUsd, pricing.decimals),
    [`hs_price_${pricing.currency.toLowerCase()}`]: round(usd * pricing.perUsd, pricing.decimals),
  };
  for (const [code, perUsd, decimals] of pricing.others)
    out[`hs_price_${code.toLowerCase()}`] = round(usd * perUsd, decimals);
  return out;
}

/**
 * The product library: every subscription in three editions and two terms (72), every service or device in
 * four sizes for four regions (192): 264 products with unique SKUs; recurring ones carry
 * `hs_recurring_billing_period`.
 */
export function productLibrary(pricing: ProductPricing, language: "en" | "ja" = "en"): ProductProperties[] {
  const ja = language === "ja";
  const products: ProductProperties[] = [];
  for (const family of SUBSCRIPTIONS) {
    for (const [editionCode, edition, factor] of EDITIONS) {
      for (const [period, months, frequency, share] of TERMS) {
        const usd = Math.round(family.monthly * factor * share) * months;
        const [jaName, jaDescription] = JA_FAMILY_NAMES[family.code] ?? [family.name, family.description];
        const jaEdition = JA_EDITIONS[editionCode] ?? edition;
        products.push({
          name: ja
            ? `${jaName} ${jaEdition}（${months === 1 ? "月額" : "年額"}）`
            : `${family.name} ${edition} (${months === 1 ? "monthly" : "annual"})`,
          hs_sku: `SUB-${family.code}-${editionCode}-${months}`,
          description: ja
            ? `${jaDescription}${jaEdition}エディション、${months === 1 ? "毎月" : "毎年"}請求。`
            : `${family.description} ${edition} edition, billed ${frequency}.`,
          hs_recurring_billing_period: period,
          recurringbillingfrequency: frequency,
          hs_product_type: "service",
          ...priced(usd, pricing),
        });
      }
    }
  }
  for (const family of SERVICES) {
    for (const [sizeCode, size, factor] of SIZES) {
      for (const region of REGIONS) {
        const [jaName, jaDescription] = JA_FAMILY_NAMES[family.code] ?? [family.name, family.description];
        const jaRegion = JA_REGIONS[region] ?? region;
        products.push({
          name: ja ? `${jaName} ${sizeCode}（${jaRegion}）` : `${family.name} ${sizeCode} – ${region}`,
          hs_sku: `${family.type === "service" ? "SRV" : "HW"}-${family.code}-${sizeCode}-${region}`,
          description: ja
            ? `${jaDescription}サイズ${sizeCode}、${jaRegion}向け。`
            : `${family.description} ${size[0]?.toUpperCase()}${size.slice(1)} size, ${region} region.`,
          hs_product_type: family.type,
          ...priced(Math.round(family.price * factor), pricing),
        });
      }
    }
  }
  return products;
}

export type ProductRecord = CrmRecord;
