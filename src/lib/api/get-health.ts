import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { requestJson } from "./client.ts";

/** `GET /api/health`: which upstream the proxy talks to, and its rate-limit settings. No secrets. */
export const Health = z.object({
  ok: z.boolean(),
  upstream: z.enum(["simulator", "hubspot"]),
  rateLimit: z.object({ perTenSeconds: z.number().int().positive() }).optional(),
});
export type Health = z.infer<typeof Health>;

export const healthKeys = { all: ["health"] as const };

export function healthQuery() {
  return queryOptions({
    queryKey: healthKeys.all,
    queryFn: ({ signal }) => requestJson("/api/health", Health, { signal }),
    staleTime: 60_000,
  });
}
