import { z } from "zod";

/** `GET /account-info/v3/details` */
export const AccountDetails = z.looseObject({
  portalId: z.number().int(),
  accountType: z.string(),
  timeZone: z.string(),
  companyCurrency: z.string(),
  additionalCurrencies: z.array(z.string()).default([]),
  uiDomain: z.string(),
  dataHostingLocation: z.string().optional(),
  utcOffset: z.string().optional(),
  utcOffsetMilliseconds: z.number().optional(),
});
export type AccountDetails = z.infer<typeof AccountDetails>;

export function isSandbox(account: AccountDetails): boolean {
  return account.accountType === "SANDBOX" || account.accountType === "DEVELOPER_TEST";
}

/** A link to a quote in HubSpot's UI. */
export function quoteRecordUrl(
  account: Pick<AccountDetails, "uiDomain" | "portalId">,
  quoteId: string,
): string {
  return `https://${account.uiDomain}/quotes/${account.portalId}/details/${quoteId}`;
}
