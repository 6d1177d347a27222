import {
  CITIES,
  COMPANY_STEMS,
  COMPANY_SUFFIXES,
  DEAL_KINDS,
  FIRST_NAMES,
  JOB_TITLES,
  LAST_NAMES,
  PRODUCTS,
  QUOTE_TEMPLATE_NAMES,
} from "./crm-names.ts";
import {
  JA_CITIES,
  JA_COMPANY_STEMS,
  JA_COMPANY_SUFFIXES,
  JA_DEAL_KINDS,
  JA_FIRST_NAMES,
  JA_JOB_TITLES,
  JA_LAST_NAMES,
  JA_LINE_ITEM_PRODUCTS,
  JA_QUOTE_TEMPLATE_NAMES,
} from "./crm-names-ja.ts";
import type { Prng } from "./prng.ts";
import type { ProductPricing } from "./product-data.ts";

/** A name and the ASCII it is written with in e-mail and web addresses. */
export type Named = readonly [name: string, ascii: string];

/** What makes a portal's CRM look like its country's: names, addresses, money. */
export interface CrmWords {
  /** The language of names in the product library. */
  language: "en" | "ja";
  firstNames: readonly Named[];
  lastNames: readonly Named[];
  companyStems: readonly Named[];
  companySuffixes: readonly string[];
  cities: readonly string[];
  jobTitles: readonly string[];
  dealKinds: readonly string[];
  templateNames: readonly string[];
  /** Seeded line items (the deals' own): name, unit price, SKU stem. */
  lineItemProducts: readonly (readonly [name: string, price: number, sku: string])[];
  topLevelDomains: readonly string[];
  /** `pickCity` draws only when called, so the US data keeps its draws. */
  companyName(stem: string, suffix: string, round: number, pickCity: () => string): string;
  fullName(first: string, last: string): string;
  phone(prng: Prng): string;
  /** A deal's amount and currency (drawn after everything else about the deal). */
  dealMoney(prng: Prng, units: number): { amount: string; currency: string };
  moneyDecimals: number;
  pricing: ProductPricing;
}

function slug(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "");
}

const ascii = (names: readonly string[]): Named[] => names.map((name) => [name, slug(name)] as const);

export const US_WORDS: CrmWords = {
  language: "en",
  firstNames: ascii(FIRST_NAMES),
  lastNames: ascii(LAST_NAMES),
  companyStems: ascii(COMPANY_STEMS),
  companySuffixes: COMPANY_SUFFIXES,
  cities: CITIES,
  jobTitles: JOB_TITLES,
  dealKinds: DEAL_KINDS,
  templateNames: QUOTE_TEMPLATE_NAMES,
  lineItemProducts: PRODUCTS.map(
    ([name, price]) => [name, price, slug(name).slice(0, 6).toUpperCase()] as const,
  ),
  topLevelDomains: ["com", "io", "co.uk", "de", "net"],
  companyName: (stem, suffix, round, pickCity) =>
    round === 0 ? `${stem} ${suffix}` : `${stem} ${pickCity()} ${suffix}`,
  fullName: (first, last) => `${first} ${last}`,
  phone: (prng) => `+1 ${200 + prng.int(700)}-555-${String(prng.int(10_000)).padStart(4, "0")}`,
  dealMoney: (_prng, units) => ({ amount: String(units * 250), currency: "USD" }),
  moneyDecimals: 2,
  pricing: {
    currency: "USD",
    perUsd: 1,
    decimals: 2,
    others: [
      ["EUR", 0.92, 2],
      ["GBP", 0.79, 2],
      ["CAD", 1.36, 2],
      ["AUD", 1.52, 2],
    ],
  },
};

const YEN_PER_USD = 150;

export const JA_WORDS: CrmWords = {
  language: "ja",
  firstNames: JA_FIRST_NAMES,
  lastNames: JA_LAST_NAMES,
  companyStems: JA_COMPANY_STEMS,
  companySuffixes: JA_COMPANY_SUFFIXES,
  cities: JA_CITIES,
  jobTitles: JA_JOB_TITLES,
  dealKinds: JA_DEAL_KINDS,
  templateNames: JA_QUOTE_TEMPLATE_NAMES,
  lineItemProducts: JA_LINE_ITEM_PRODUCTS,
  topLevelDomains: ["co.jp", "jp", "com"],
  companyName: (stem, suffix, round, pickCity) => {
    // 株式会社 goes before the name as often as after it (前株 / 後株).
    const base = suffix === "株式会社" && stem.length % 2 === 0 ? `株式会社${stem}` : `${stem}${suffix}`;
    return round === 0 ? base : `${base}（${pickCity()}）`;
  },
  // Family name first, as Japanese names are written.
  fullName: (first, last) => `${last} ${first}`,
  phone: (prng) =>
    `+81 ${prng.pick(["3", "6", "45", "52", "92", "11"])}-${1000 + prng.int(9000)}-${String(prng.int(10_000)).padStart(4, "0")}`,
  dealMoney: (prng, units) =>
    prng.int(10) === 0
      ? { amount: String(units * 250), currency: "USD" }
      : { amount: String(units * 250 * YEN_PER_USD), currency: "JPY" },
  moneyDecimals: 0,
  pricing: { currency: "JPY", perUsd: YEN_PER_USD, decimals: 0, others: [["USD", 1, 2]] },
};
