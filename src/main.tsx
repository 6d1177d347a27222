import "./lib/zod-without-eval.ts";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/app.tsx";
import "./ui/theme.css";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");

/** `npm run dev` has no proxy server: msw serves `/api/*` from the simulator. Builds drop this branch. */
async function startDevApi(): Promise<void> {
  if (!import.meta.env.DEV) return;
  const { startMockWorker } = await import("./mocks/browser.ts");
  await startMockWorker();
}

startDevApi()
  .catch((error: unknown) => console.error("The dev mock API did not start:", error))
  .finally(() => {
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  });
