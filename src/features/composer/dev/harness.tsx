import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { BatchStore } from "../../../domain/batch/batch-store.ts";
import { BatchStoreProvider } from "../../../lib/batch-store-context.tsx";
import { ComposerPage } from "../composer-page.tsx";
import "../../../ui/theme.css";

/**
 * Dev-only page (`npx vite` then /src/features/composer/dev/harness.html?qbc-test-hooks): the composer alone,
 * for looking at the grid and taking screenshots while the app shell is elsewhere. Not part of the build.
 */
const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={new QueryClient()}>
        <BatchStoreProvider store={new BatchStore()}>
          <main style={{ padding: 16 }}>
            <ComposerPage toolbarEnd={<button type="button">Submit batch</button>} />
          </main>
        </BatchStoreProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
}
