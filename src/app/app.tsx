import { QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
import { BatchStore } from "../domain/batch/batch-store.ts";
import { languageFromBrowser } from "../i18n/language.ts";
import { LanguageProvider } from "../i18n/language-provider.tsx";
import { loadLanguage, saveLanguage } from "../i18n/language-storage.ts";
import { Announcer } from "../lib/announcer/announcer.ts";
import { AnnouncerProvider } from "../lib/announcer/announcer-context.tsx";
import type { ApiError } from "../lib/api/api-error.ts";
import { BatchStoreProvider } from "../lib/batch-store-context.tsx";
import { NotificationDockProvider } from "../ui/notification-dock.tsx";
import { AppShell } from "./app-shell.tsx";
import { AuthGate } from "./auth-gate.tsx";
import { createQueryClient } from "./query-client.ts";

/** Providers: the UI language, one query client and one batch for the whole app. */
export function App() {
  const [authError, setAuthError] = useState<ApiError | undefined>(undefined);
  const [queryClient] = useState(() => createQueryClient({ onAuthProblem: setAuthError }));
  const [store] = useState(() => new BatchStore());
  const [announcer] = useState(() => new Announcer());
  // The user's own choice wins over the browser's language, from the next visit on too.
  const [initialLanguage] = useState(() => loadLanguage() ?? languageFromBrowser(navigator.languages));
  return (
    <LanguageProvider
      initialLanguage={initialLanguage}
      browserLocales={navigator.languages}
      onLanguageChange={saveLanguage}
    >
      <QueryClientProvider client={queryClient}>
        <BatchStoreProvider store={store}>
          <AnnouncerProvider announcer={announcer}>
            <NotificationDockProvider>
              <AuthGate>
                <AppShell authError={authError} onDismissAuthError={() => setAuthError(undefined)} />
              </AuthGate>
            </NotificationDockProvider>
          </AnnouncerProvider>
        </BatchStoreProvider>
      </QueryClientProvider>
    </LanguageProvider>
  );
}
