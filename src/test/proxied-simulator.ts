import type { SendResult } from "../domain/submission/send-result.ts";
import type { QueueRequest } from "../domain/submission/types.ts";
import { BatchResponse } from "../hubspot/batch-create.ts";
import { hubspotPaths, PROXY_PREFIX } from "../hubspot/endpoints.ts";
import type { SubmissionRunner } from "../lib/submission/submission-store.ts";
import type { Clock } from "../platform/clock.ts";
import { createProxy, type ProxyHandler } from "../server/proxy.ts";
import { createSimulator, type FaultSettings, SIMULATOR_TOKEN } from "../simulator/simulator.ts";

export interface ProxiedSimulatorOptions {
  /** A `FakeClock` for virtual time; the system clock without one (benches). */
  clock?: Clock;
  /** Requests per 10 s, for the simulator and the proxy's per-token limiter alike. */
  limit?: number;
  faults?: Partial<FaultSettings>;
  /** Something in front of the proxy (a sign-in guard that lets the session end), as the Node server puts it. */
  front?: (proxy: ProxyHandler) => (request: Request) => Promise<Response>;
}

/**
 * The submission store's I/O as the browser has it, without a browser: each request goes through the REAL proxy
 * (allow-list, body checks, per-token limiter; no journal) to the simulator, in process. Tests drive it on a
 * fake clock; `bench/complete-quotes.bench.ts` in real time.
 */
export function proxiedSimulator(options: ProxiedSimulatorOptions = {}) {
  const limit = options.limit ?? 100;
  const simulator = createSimulator({
    ...(options.clock ? { clock: options.clock } : {}),
    rateLimitPerTenSeconds: limit,
    faults: { latencyMs: 150, ...options.faults },
  });
  const proxy = createProxy({
    upstream: (request) => simulator.fetch(request),
    upstreamName: "simulator",
    token: SIMULATOR_TOKEN,
    perTenSeconds: limit,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const handle = options.front ? options.front(proxy) : (request: Request) => proxy(request);
  /** Every request this setup sent to the proxy (or the guard in front of it), by HubSpot path. */
  const sent: string[] = [];

  const post = async (path: string, body: unknown, signal?: AbortSignal): Promise<SendResult> => {
    sent.push(path);
    try {
      const response = await handle(
        new Request(`http://127.0.0.1${PROXY_PREFIX}${path}`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(body),
          ...(signal ? { signal } : {}),
        }),
      );
      const text = await response.text();
      return {
        kind: "answered",
        status: response.status,
        headers: response.headers,
        body: text ? JSON.parse(text) : undefined,
      };
    } catch (error) {
      return { kind: "no-answer", sent: "maybe", message: { code: "unexpected", detail: String(error) } };
    }
  };

  const runner: SubmissionRunner = {
    send: (_id, request: QueueRequest, signal) =>
      post(
        request.target === "line_items" ? hubspotPaths.lineItemsBatchCreate : hubspotPaths.quotesBatchCreate,
        { inputs: request.inputs },
        signal,
      ),
    call: (_id, _requestId, path, body, signal) => post(path, body, signal),
    read: async (request) => {
      const answer = await post(hubspotPaths.quotesBatchRead, request);
      if (answer.kind !== "answered") throw new Error(JSON.stringify(answer.message));
      return BatchResponse.parse(answer.body);
    },
  };
  return { simulator, proxy, post, runner, sent };
}
