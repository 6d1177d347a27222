import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll } from "vitest";
import { createMockApi, type MockApiOptions } from "./handlers.ts";

/** Starts msw in Node over the proxy + simulator; unhandled requests fail the test. Call `close()` when done. */
export function startMockApi(options?: MockApiOptions) {
  const api = createMockApi(options);
  const server = setupServer(...api.handlers);
  server.listen({ onUnhandledRequest: "error" });
  return { server, simulator: api.simulator, proxy: api.proxy, close: () => server.close() };
}

export type RunningMockApi = ReturnType<typeof startMockApi>;

/**
 * For a test file: starts the mock API before all tests, and after each one drops `server.use(...)` overrides
 * and resets the simulator (created quotes, rate-limit windows, faults). Read `.server` / `.simulator` inside tests.
 *
 *   const api = setupMockApi();
 *   it("shows a 401", async () => { api.server.use(http.get("/api/health", () => ...)); ... });
 */
export function setupMockApi(options?: MockApiOptions): RunningMockApi {
  let running: RunningMockApi | undefined;
  const current = () => {
    if (!running) throw new Error("setupMockApi(): the mock API starts in beforeAll; use it inside tests");
    return running;
  };
  beforeAll(() => {
    running = startMockApi(options);
  });
  afterEach(() => {
    running?.server.resetHandlers();
    running?.simulator.reset();
  });
  afterAll(() => {
    running?.close();
    running = undefined;
  });
  return {
    get server() {
      return current().server;
    },
    get simulator() {
      return current().simulator;
    },
    get proxy() {
      return current().proxy;
    },
    close: () => current().close(),
  };
}
