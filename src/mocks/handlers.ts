import { http, type RequestHandler } from "msw";
import { DEFAULT_TIER, RATE_LIMIT_TIERS } from "../hubspot/limits.ts";
import { type ApiHandler, createApiGuard } from "../server/auth/api-guard.ts";
import { LOCAL_USER } from "../server/identity.ts";
import { createProxy, type ProxyHandler } from "../server/proxy.ts";
import {
  createSimulator,
  SIMULATOR_TOKEN,
  type Simulator,
  type SimulatorOptions,
} from "../simulator/simulator.ts";

export interface MockApiOptions {
  /** Passed to the simulator (seed, faults, rate limit…). */
  simulator?: SimulatorOptions;
  /** Upstream timeout of the proxy; default 30 s like the server. */
  timeoutMs?: number;
  /** Proxy log lines (redacted); default silent. */
  log?: (line: string) => void;
}

export interface MockApi {
  /** `/api/*` on any origin, answered by the real proxy over `simulator`. */
  handlers: RequestHandler[];
  simulator: Simulator;
  proxy: ProxyHandler;
}

/** Matches `/api/...` on whatever origin the page (or jsdom) has. */
const API_PATH = /^[a-z][a-z0-9+.-]*:\/\/[^/]+\/api(\/|$)/i;

/**
 * The happy path for msw: every `/api/*` request goes through the real proxy (allow-list, body checks, auth
 * header, error mapping, rate limiter) to a fresh simulator, with its control endpoints on. Tests add their
 * exceptions with `server.use(...)` or drive faults on `simulator`.
 */
export function createMockApi(options: MockApiOptions = {}): MockApi {
  const simulatorOptions = options.simulator ?? {};
  const simulator = createSimulator(simulatorOptions);
  const proxy = createProxy({
    upstream: (request) => simulator.fetch(request),
    upstreamName: "simulator",
    token: simulatorOptions.acceptedToken ?? SIMULATOR_TOKEN,
    perTenSeconds: simulatorOptions.rateLimitPerTenSeconds ?? RATE_LIMIT_TIERS[DEFAULT_TIER],
    timeoutMs: options.timeoutMs,
    simulatorControl: simulator,
    log: options.log,
  });
  // The same guard as the server without sign-in (`GET /api/me` answers the local user).
  const api: ApiHandler = createApiGuard({
    auth: { mode: "none" },
    authenticate: () => ({ user: LOCAL_USER, csrfSubject: undefined }),
    sessions: undefined,
    proxy,
  });
  const handlers = [http.all(API_PATH, ({ request }) => api(request))];
  return { handlers, simulator, proxy };
}

/** Just the handlers, over a fresh simulator. */
export function createMockHandlers(options?: MockApiOptions): RequestHandler[] {
  return createMockApi(options).handlers;
}
