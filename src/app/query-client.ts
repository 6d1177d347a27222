import { QueryClient } from "@tanstack/react-query";
import { ApiError } from "../lib/api/api-error.ts";

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // A 4xx will not heal by itself; a dropped connection may.
        retry: (failureCount, error) =>
          failureCount < 2 && error instanceof ApiError && error.kind === "network",
        refetchOnWindowFocus: false,
      },
      // Creates are never retried by the query layer: the submission queue decides (DESIGN.md).
      mutations: { retry: false },
    },
  });
}
