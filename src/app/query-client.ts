import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { ApiError } from "../lib/api/api-error.ts";

export interface QueryClientHooks {
  /** Called for every failed query or mutation answered 401/403: the app shows one banner for them. */
  onAuthProblem?: (error: ApiError) => void;
}

export function createQueryClient(hooks: QueryClientHooks = {}): QueryClient {
  const onError = (error: unknown) => {
    if (error instanceof ApiError && error.isAuthProblem) hooks.onAuthProblem?.(error);
  };
  return new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
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
