import { QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
import type { ApiError } from "../lib/api/api-error.ts";
import { AppServicesProvider } from "../lib/services/app-services-context.tsx";
import { AppShell } from "./app-shell.tsx";
import { createAppServices } from "./create-app-services.ts";
import { createQueryClient } from "./query-client.ts";

/** Providers: one query client and the app's services (one batch, its validation, drafts, submission). */
export function App() {
  const [authError, setAuthError] = useState<ApiError | undefined>(undefined);
  const [queryClient] = useState(() => createQueryClient({ onAuthProblem: setAuthError }));
  // Lives as long as the page: its timers are never stopped here (StrictMode would stop them for good).
  const [services] = useState(() => createAppServices());
  return (
    <QueryClientProvider client={queryClient}>
      <AppServicesProvider services={services}>
        <AppShell authError={authError} onDismissAuthError={() => setAuthError(undefined)} />
      </AppServicesProvider>
    </QueryClientProvider>
  );
}
