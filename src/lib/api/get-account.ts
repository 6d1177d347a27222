import { queryOptions } from "@tanstack/react-query";
import { AccountDetails } from "../../hubspot/account.ts";
import { hubspotPaths } from "../../hubspot/endpoints.ts";
import { requestHubspot } from "./client.ts";

export const accountKeys = { details: ["hubspot", "account"] as const };

export function accountQuery() {
  return queryOptions({
    queryKey: accountKeys.details,
    queryFn: ({ signal }) => requestHubspot(hubspotPaths.accountDetails, AccountDetails, { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
