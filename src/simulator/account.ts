import type { AccountDetails } from "../hubspot/account.ts";

export const SIMULATOR_PORTAL_ID = 24_681_357;

/** `GET /account-info/v3/details` for the simulated portal: a standard US account. */
export const SIMULATOR_ACCOUNT: AccountDetails = {
  portalId: SIMULATOR_PORTAL_ID,
  accountType: "STANDARD",
  timeZone: "America/New_York",
  companyCurrency: "USD",
  additionalCurrencies: ["EUR", "GBP", "CAD", "AUD"],
  utcOffset: "-05:00",
  utcOffsetMilliseconds: -18_000_000,
  uiDomain: "app.hubspot.com",
  dataHostingLocation: "na1",
};

/** The Japanese portal (SIMULATOR_PORTAL=jp): yen, with US dollars as an additional currency. */
export const JAPANESE_ACCOUNT: AccountDetails = {
  portalId: 48_213_579,
  accountType: "STANDARD",
  timeZone: "Asia/Tokyo",
  companyCurrency: "JPY",
  additionalCurrencies: ["USD"],
  utcOffset: "+09:00",
  utcOffsetMilliseconds: 32_400_000,
  uiDomain: "app.hubspot.com",
  dataHostingLocation: "na1",
};
