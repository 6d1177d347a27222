import { QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
import { BatchStore } from "../domain/batch/batch-store.ts";
import type { ApiError } from "../lib/api/api-error.ts";
import { BatchStoreProvider } from "../lib/batch-store-context.tsx";
import { AppShell } from "./app-shell.tsx";
import { AuthGate } from "./auth-gate.tsx";
import { createQueryClient } from "./query-client.ts";

/** Providers: one query client and one batch for the whole app. */
export function App() {
  const [authError, setAuthError] = useState<ApiError | undefined>(undefined);
  const [queryClient] = useState(() => createQueryClient({ onAuthProblem: setAuthError }));
  const [store] = useState(() => new BatchStore());
  return (
    <QueryClientProvider client={queryClient}>
      <BatchStoreProvider store={store}>
        <AuthGate>
          <AppShell authError={authError} onDismissAuthError={() => setAuthError(undefined)} />
        </AuthGate>
      </BatchStoreProvider>
    </QueryClientProvider>
  );
}
