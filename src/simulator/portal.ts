import type { AccountDetails } from "../hubspot/account.ts";
import type { QuoteSystem } from "../hubspot/quote-system.ts";
import { SIMULATOR_ACCOUNT } from "./account.ts";
import { CUSTOM_LINE_ITEM_PROPERTIES, hubspotLineItemProperties } from "./line-item-properties.ts";
import { hubspotProductProperties } from "./product-properties.ts";
import { buildCatalog, type PropertyCatalog } from "./property-catalog.ts";
import { quoteCatalog } from "./quote-properties.ts";

export type PortalName = "us" | "jp";

/** What differs between simulated portals: the account, its currencies, and the property catalogues. */
export interface Portal {
  name: PortalName;
  quoteSystem: QuoteSystem;
  account: AccountDetails;
  quoteProperties: PropertyCatalog;
  lineItemProperties: PropertyCatalog;
  productProperties: PropertyCatalog;
}

const US_CURRENCIES = [
  ["USD", "US Dollar"],
  ["EUR", "Euro"],
  ["GBP", "British Pound"],
  ["CAD", "Canadian Dollar"],
  ["AUD", "Australian Dollar"],
] as const;

export function createPortal(name: PortalName, quoteSystem: QuoteSystem): Portal {
  const currencies = US_CURRENCIES;
  const account = SIMULATOR_ACCOUNT;
  return {
    name,
    quoteSystem,
    account,
    quoteProperties: quoteCatalog({ currencies, extraLocales: [], quoteSystem }),
    lineItemProperties: buildCatalog(hubspotLineItemProperties(currencies), CUSTOM_LINE_ITEM_PROPERTIES, {
      standard: "lineiteminformation",
      custom: "line_item_custom",
    }),
    productProperties: buildCatalog(hubspotProductProperties(currencies.map(([code]) => code)), [], {
      standard: "productinformation",
      custom: "product_custom",
    }),
  };
}

/** The account's currencies, company currency first. */
export function portalCurrencies(portal: Portal): string[] {
  return [portal.account.companyCurrency, ...portal.account.additionalCurrencies];
}
