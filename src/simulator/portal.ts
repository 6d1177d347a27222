import type { AccountDetails } from "../hubspot/account.ts";
import type { QuoteSystem } from "../hubspot/quote-system.ts";
import { JAPANESE_ACCOUNT, SIMULATOR_ACCOUNT } from "./account.ts";
import { type CrmWords, JA_WORDS, US_WORDS } from "./crm-words.ts";
import { CUSTOM_LINE_ITEM_PROPERTIES, hubspotLineItemProperties } from "./line-item-properties.ts";
import { hubspotProductProperties } from "./product-properties.ts";
import { buildCatalog, type PropertyCatalog } from "./property-catalog.ts";
import {
  JA_CURRENCY_NAMES,
  JA_LINE_ITEM_LABELS,
  JA_PRODUCT_LABELS,
  JA_QUOTE_LABELS,
  type LocalLabel,
} from "./property-labels-ja.ts";
import type { PropertySpec } from "./property-spec.ts";
import { quoteCatalog } from "./quote-properties.ts";

export type PortalName = "us" | "jp";

/** What differs between simulated portals: the account, its currencies, labels, CRM, and the catalogues. */
export interface Portal {
  name: PortalName;
  quoteSystem: QuoteSystem;
  account: AccountDetails;
  words: CrmWords;
  quoteProperties: PropertyCatalog;
  lineItemProperties: PropertyCatalog;
  productProperties: PropertyCatalog;
}

const CURRENCY_NAMES: Record<string, string> = {
  USD: "US Dollar",
  EUR: "Euro",
  GBP: "British Pound",
  CAD: "Canadian Dollar",
  AUD: "Australian Dollar",
  JPY: "Japanese Yen",
};

interface PortalProfile {
  account: AccountDetails;
  words: CrmWords;
  extraLocales: readonly (readonly [string, string])[];
  labels?: {
    quotes: Record<string, LocalLabel>;
    lineItems: Record<string, LocalLabel>;
    products: Record<string, LocalLabel>;
  };
  currencyNames: Record<string, string>;
}

const PROFILES: Record<PortalName, PortalProfile> = {
  us: { account: SIMULATOR_ACCOUNT, words: US_WORDS, extraLocales: [], currencyNames: CURRENCY_NAMES },
  jp: {
    account: JAPANESE_ACCOUNT,
    words: JA_WORDS,
    extraLocales: [["ja-jp", "Japanese - Japan"]],
    labels: { quotes: JA_QUOTE_LABELS, lineItems: JA_LINE_ITEM_LABELS, products: JA_PRODUCT_LABELS },
    currencyNames: JA_CURRENCY_NAMES,
  },
};

/** The portal's language on a definition: its label and option labels; names and values stay. */
function localize(labels: Record<string, LocalLabel> | undefined) {
  return (spec: PropertySpec): PropertySpec => {
    const local = labels && Object.hasOwn(labels, spec.name) ? labels[spec.name] : undefined;
    if (!local) return spec;
    const names = local.options;
    const base = spec.type === "bool" ? [["true", "Yes"] as const, ["false", "No"] as const] : spec.options;
    const options =
      names && base ? base.map(([value, label]) => [value, names[value] ?? label] as const) : spec.options;
    return { ...spec, label: local.label, ...(options ? { options } : {}) };
  };
}

export function createPortal(name: PortalName, quoteSystem: QuoteSystem): Portal {
  const profile = PROFILES[name];
  const codes = [profile.account.companyCurrency, ...profile.account.additionalCurrencies];
  const currencies = codes.map((code) => [code, profile.currencyNames[code] ?? code] as const);
  const labels = profile.labels;
  const quoteProperties = quoteCatalog(
    { currencies, extraLocales: profile.extraLocales, quoteSystem },
    localize(labels?.quotes),
  );
  return {
    name,
    quoteSystem,
    account: profile.account,
    words: profile.words,
    quoteProperties,
    lineItemProperties: buildCatalog(
      hubspotLineItemProperties(currencies).map(localize(labels?.lineItems)),
      CUSTOM_LINE_ITEM_PROPERTIES.map(localize(labels?.lineItems)),
      { standard: "lineiteminformation", custom: "line_item_custom" },
    ),
    productProperties: buildCatalog(hubspotProductProperties(codes).map(localize(labels?.products)), [], {
      standard: "productinformation",
      custom: "product_custom",
    }),
  };
}
