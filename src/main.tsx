import "./lib/zod-without-eval.ts";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/app.tsx";
import { createAppServices } from "./app/create-app-services.ts";
import "./ui/theme.css";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");

/** `npm run dev` has no proxy server: msw serves `/api/*` from the simulator. Builds drop this branch. */
async function startDevApi(): Promise<void> {
  if (!import.meta.env.DEV) return;
  const { startMockWorker } = await import("./mocks/browser.ts");
  await startMockWorker();
}

/**
 * Benches and e2e open the page with `?qbc-test-hooks`: only then is the hooks module fetched (its own
 * chunk), so the app's bundle carries no test hooks.
 */
async function installTestHooks(services: ReturnType<typeof createAppServices>): Promise<void> {
  if (!new URLSearchParams(window.location.search).has("qbc-test-hooks")) return;
  const hooks = await import("./test/test-hooks.ts");
  hooks.installTestHooks(services);
}

// The one set of services for the page's lifetime (its timers are never stopped: the page ends them).
const services = createAppServices();

startDevApi()
  .catch((error: unknown) => console.error("The dev mock API did not start:", error))
  .finally(() => {
    void installTestHooks(services).catch((error: unknown) => console.error("Test hooks:", error));
    createRoot(root).render(
      <StrictMode>
        <App services={services} />
      </StrictMode>,
    );
  });
