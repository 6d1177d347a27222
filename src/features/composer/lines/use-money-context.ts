import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useIntlOrEnglish } from "../../../i18n/use-t.ts";
import { accountQuery } from "../../../lib/api/get-account.ts";
import type { MoneyContext } from "./quote-summary.ts";

/** The portal's company currency (from its account details) and the UI's locale, for quote totals. */
export function useMoneyContext(): MoneyContext {
  const portalCurrency = useQuery(accountQuery()).data?.companyCurrency;
  const locale = useIntlOrEnglish().locale;
  return useMemo(() => ({ portalCurrency, locale }), [portalCurrency, locale]);
}
