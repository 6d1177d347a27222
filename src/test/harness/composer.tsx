import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createAppServices } from "../../app/create-app-services.ts";
import { ComposerPage } from "../../features/composer/composer-page.tsx";
import { AppServicesProvider } from "../../lib/services/app-services-context.tsx";
import "../../ui/theme.css";

/**
 * Dev-only page (`npx vite` then /src/test/harness/composer.html?qbc-test-hooks): the composer alone, for
 * looking at the grid and taking screenshots. Not part of the build.
 */
const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={new QueryClient()}>
        <AppServicesProvider services={createAppServices()}>
          <main style={{ padding: 16 }}>
            <ComposerPage toolbarEnd={<button type="button">Submit batch</button>} />
          </main>
        </AppServicesProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
}
