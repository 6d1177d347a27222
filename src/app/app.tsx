import { QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
import { BatchStore } from "../domain/batch/batch-store.ts";
import type { ApiError } from "../lib/api/api-error.ts";
import { BatchStoreProvider } from "../lib/batch-store-context.tsx";
import { NotificationDockProvider } from "../ui/notification-dock.tsx";
import { AppShell } from "./app-shell.tsx";
import { createQueryClient } from "./query-client.ts";

/** Providers: one query client, one batch and one notification dock for the whole app. */
export function App() {
  const [authError, setAuthError] = useState<ApiError | undefined>(undefined);
  const [queryClient] = useState(() => createQueryClient({ onAuthProblem: setAuthError }));
  const [store] = useState(() => new BatchStore());
  return (
    <QueryClientProvider client={queryClient}>
      <BatchStoreProvider store={store}>
        <NotificationDockProvider>
          <AppShell authError={authError} onDismissAuthError={() => setAuthError(undefined)} />
        </NotificationDockProvider>
      </BatchStoreProvider>
    </QueryClientProvider>
  );
}
