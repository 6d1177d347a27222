import { setupWorker } from "msw/browser";
import { createMockApi } from "./handlers.ts";

/**
 * `npm run dev` has no Node server: a service worker answers `/api/*` with the same proxy over the simulator
 * (a little latency so loading states are visible). Production builds never import this.
 */
export async function startMockWorker(): Promise<void> {
  const api = createMockApi({ simulator: { faults: { latencyMs: 120 } } });
  const worker = setupWorker(...api.handlers);
  await worker.start({ onUnhandledRequest: "bypass", quiet: true });
  console.info("[msw] /api/* is served by the in-browser HubSpot simulator (dev mode).");
}
