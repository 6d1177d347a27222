import { QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
import { languageFromBrowser } from "../i18n/language.ts";
import { LanguageProvider } from "../i18n/language-provider.tsx";
import { loadLanguage, saveLanguage } from "../i18n/language-storage.ts";
import { AnnouncerProvider } from "../lib/announcer/announcer-context.tsx";
import type { ApiError } from "../lib/api/api-error.ts";
import type { AppServices } from "../lib/services/app-services.ts";
import { AppServicesProvider } from "../lib/services/app-services-context.tsx";
import { NotificationDockProvider } from "../ui/notification-dock.tsx";
import { AppShell } from "./app-shell.tsx";
import { AuthGate } from "./auth-gate.tsx";
import { createQueryClient } from "./query-client.ts";

/** Providers: the UI language, one query client and the app's services (batch, validation, drafts, submission) and one notification dock. */
export function App({ services }: { services: AppServices }) {
  const [authError, setAuthError] = useState<ApiError | undefined>(undefined);
  const [queryClient] = useState(() => createQueryClient({ onAuthProblem: setAuthError }));
  // The user's own choice wins over the browser's language, from the next visit on too.
  const [initialLanguage] = useState(() => loadLanguage() ?? languageFromBrowser(navigator.languages));
  return (
    <LanguageProvider
      initialLanguage={initialLanguage}
      browserLocales={navigator.languages}
      onLanguageChange={saveLanguage}
    >
      <QueryClientProvider client={queryClient}>
        <AppServicesProvider services={services}>
          <AnnouncerProvider announcer={services.announcer}>
            <NotificationDockProvider>
              <AuthGate>
                <AppShell authError={authError} onDismissAuthError={() => setAuthError(undefined)} />
              </AuthGate>
            </NotificationDockProvider>
          </AnnouncerProvider>
        </AppServicesProvider>
      </QueryClientProvider>
    </LanguageProvider>
  );
}
