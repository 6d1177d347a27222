import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { serve } from "@hono/node-server";
import { parseAuthEnv } from "../src/server/auth/auth-config.ts";
import { createAuthLayer } from "../src/server/auth/create-auth.ts";
import { Sessions } from "../src/server/auth/sessions.ts";
import { openDatabase } from "../src/server/db/open-database.ts";
import type { Journal } from "../src/server/journal/journal.ts";
import { openJournal } from "../src/server/journal/open-journal.ts";
import { createNodeApp } from "../src/server/node-app.ts";
import { createProxy } from "../src/server/proxy.ts";
import { TokenLimiters } from "../src/server/rate-limiter.ts";
import { httpUpstream } from "../src/server/upstream.ts";
import { createSimulator, SIMULATOR_TOKEN } from "../src/simulator/simulator.ts";
import { freePort, percentile, printReport, round } from "./lib/app-server.ts";

/**
 * Proxy overhead: batch create (10 inputs) sent straight to the simulator over loopback HTTP, versus through
 * the proxy over loopback HTTP (client → proxy server → simulator server), each server in its own process.
 * Rate limits are set out of reach so this measures the proxy, not HubSpot's limit. A second server is the
 * team deployment as `npm start` serves it: the Node app (security headers), OIDC sign-in (a session cookie
 * and the CSRF token on every write) and every create journalled in an embedded database.
 */
const SEQUENTIAL = 600;
const WARMUP = 150;
const CONCURRENCY = 50;
const THROUGHPUT_MS = 4_000;
const UNLIMITED = 1_000_000_000;

function serveSimulator() {
  exitWithParent();
  let simulator = createSimulator({ rateLimitPerTenSeconds: UNLIMITED, dailyLimit: UNLIMITED });
  const server = serve({
    hostname: "127.0.0.1",
    port: 0,
    fetch: (request: Request) => {
      // Stored quotes grow with every create; phases start from an empty store.
      if (new URL(request.url).pathname === "/__reset") {
        simulator = createSimulator({ rateLimitPerTenSeconds: UNLIMITED, dailyLimit: UNLIMITED });
        return new Response("ok");
      }
      return simulator.fetch(request);
    },
  });
  server.on("listening", () => announce(server.address()));
}

/** The bench's signed-in person: the session cookie and CSRF token a browser sends (same secret as the server). */
const SESSION_SECRET = "proxy-bench-session-secret-0123456789abcdef";
function signedInHeaders(): Record<string, string> {
  const cookies = new Sessions({ secret: SESSION_SECRET, maxAgeSeconds: 3_600, secure: false, now: Date.now })
    .start({ email: "bench@example.com" })
    .map((header) => header.split(";")[0] ?? "");
  const csrf = cookies.find((cookie) => cookie.startsWith("qbc_csrf="))?.slice("qbc_csrf=".length) ?? "";
  return { cookie: cookies.join("; "), "x-qbc-csrf": csrf, "sec-fetch-site": "same-origin" };
}

async function serveProxy(upstreamOrigin: string, journalled: boolean, port = 0) {
  exitWithParent();
  // As `npm start` runs it: every batch create journalled before and after, in an embedded database.
  const journal = journalled ? await openBenchJournal() : undefined;
  const proxy = createProxy({
    ...(journal ? { journal } : {}),
    // The same upstream client as `main.ts` uses for api.hubapi.com (or BENCH_UPSTREAM=fetch, for an A/B).
    upstream:
      process.env.BENCH_UPSTREAM === "fetch" ? (request) => fetch(request) : httpUpstream(upstreamOrigin),
    upstreamOrigin,
    upstreamName: "simulator",
    token: SIMULATOR_TOKEN,
    perTenSeconds: UNLIMITED,
    limiters: new TokenLimiters({ perTenSeconds: UNLIMITED, searchPerSecond: UNLIMITED }),
  });
  if (!journalled) {
    const server = serve({ hostname: "127.0.0.1", port: 0, fetch: (request) => proxy(request) });
    server.on("listening", () => announce(server.address()));
    return;
  }
  const parsed = parseAuthEnv(
    {
      AUTH_MODE: "oidc",
      // Never contacted: only signing in discovers the provider, and the bench arrives signed in.
      OIDC_ISSUER_URL: "http://127.0.0.1:9",
      OIDC_CLIENT_ID: "bench",
      OIDC_CLIENT_SECRET: "bench-secret",
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      SESSION_SECRET,
      SUBMITTER_EMAILS: "bench@example.com",
    },
    "127.0.0.1",
  );
  if (!parsed.ok) throw new Error(parsed.problems.join("\n"));
  const layer = createAuthLayer({ auth: parsed.auth, proxy });
  const app = createNodeApp(layer.api, "/nonexistent-dist", { authRoutes: layer.routes });
  const server = serve({ hostname: "127.0.0.1", port, fetch: app.fetch });
  server.on("listening", () => announce(server.address()));
}

/** The journal as `npm start` opens it in a fresh DATA_DIR: embedded database and its sent log. */
async function openBenchJournal(): Promise<Journal> {
  const dataDir = mkdtempSync(join(tmpdir(), "qbc-proxy-bench-"));
  const db = await openDatabase({ databaseUrl: undefined, dataDir });
  const sentLogPath = join(dataDir, "journal-sent.jsonl");
  return (await openJournal(db, { maxRequestMs: 60_000, sentLogPath })).journal;
}

/** A server child exits when the bench that started it goes away, however it went. */
function exitWithParent() {
  process.stdin.on("close", () => process.exit(0));
  process.stdin.on("end", () => process.exit(0));
  process.stdin.resume();
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => process.exit(0));
}

function announce(address: unknown) {
  const port = typeof address === "object" && address && "port" in address ? address.port : 0;
  process.stdout.write(`READY ${port}\n`);
}

const children: ChildProcess[] = [];

async function startChild(args: string[]): Promise<{ url: string; child: ChildProcess }> {
  // node itself with tsx's loader (not npx): kill() reaches the server process, not a wrapper.
  const child = spawn(
    process.execPath,
    [
      ...(process.env.PROXY_PROF && args[0] === "--serve-proxy"
        ? ["--cpu-prof", "--cpu-prof-dir=/tmp/prof"]
        : []),
      "--import",
      "tsx",
      "bench/proxy.bench.ts",
      ...args,
    ],
    {
      stdio: ["pipe", "pipe", "inherit"],
    },
  );
  children.push(child);
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const port = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("server did not start in 60 s")), 60_000);
    lines.on("line", (line) => {
      const match = /^READY (\d+)$/.exec(line);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
  });
  return { url: `http://127.0.0.1:${port}`, child };
}

const body = JSON.stringify({
  inputs: Array.from({ length: 10 }, (_, index) => ({
    properties: { hs_title: `Bench quote ${index}`, hs_expiration_date: "2030-06-30", hs_status: "DRAFT" },
    associations: [],
    objectWriteTraceId: `bench-${index}`,
  })),
});

async function create(url: string, extra: Record<string, string> = {}): Promise<{ ms: number; ok: boolean }> {
  const started = performance.now();
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${SIMULATOR_TOKEN}`, ...extra },
      body,
      signal: AbortSignal.timeout(15_000),
    });
    const text = await response.text();
    if (process.env.BENCH_DEBUG && response.status !== 201)
      console.error(response.status, text.slice(0, 300));
    return { ms: performance.now() - started, ok: response.status === 201 };
  } catch (error) {
    if (process.env.BENCH_DEBUG) console.error(error);
    return { ms: performance.now() - started, ok: false };
  }
}

/**
 * The proxy handler's own cost, without the extra network hop: the simulator's Fetch handler called directly
 * versus through `createProxy` in this process (what `npm start` does in simulator mode).
 */
async function inProcess() {
  const simulator = createSimulator({ rateLimitPerTenSeconds: UNLIMITED, dailyLimit: UNLIMITED });
  const proxy = createProxy({
    upstream: (request) => simulator.fetch(request),
    upstreamName: "simulator",
    token: SIMULATOR_TOKEN,
    perTenSeconds: UNLIMITED,
    limiters: new TokenLimiters({ perTenSeconds: UNLIMITED }),
  });
  const init = () => ({
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${SIMULATOR_TOKEN}` },
    body,
  });
  const time = async (handler: (request: Request) => Promise<Response>, url: string) => {
    const started = performance.now();
    const response = await handler(new Request(url, init()));
    await response.arrayBuffer();
    return performance.now() - started;
  };
  const journalledProxy = createProxy({
    upstream: (request) => simulator.fetch(request),
    upstreamName: "simulator",
    token: SIMULATOR_TOKEN,
    perTenSeconds: UNLIMITED,
    limiters: new TokenLimiters({ perTenSeconds: UNLIMITED }),
    journal: await openBenchJournal(),
  });
  const direct: number[] = [];
  const proxied: number[] = [];
  const journalled: number[] = [];
  for (let i = 0; i < 1_200; i++) {
    const a = await time(simulator.fetch, "https://api.hubapi.com/crm/v3/objects/quotes/batch/create");
    const b = await time(proxy, "http://127.0.0.1/api/hubspot/crm/v3/objects/quotes/batch/create");
    const c = await time(journalledProxy, "http://127.0.0.1/api/hubspot/crm/v3/objects/quotes/batch/create");
    if (i >= 200) {
      direct.push(a);
      proxied.push(b);
      journalled.push(c);
    }
  }
  return {
    inProcessDirectP50Ms: round(percentile(direct, 50), 3),
    inProcessViaProxyP50Ms: round(percentile(proxied, 50), 3),
    inProcessOverheadP50Ms: round(percentile(proxied, 50) - percentile(direct, 50), 3),
    inProcessOverheadP99Ms: round(percentile(proxied, 99) - percentile(direct, 99), 3),
    inProcessJournalledOverheadP50Ms: round(percentile(journalled, 50) - percentile(direct, 50), 3),
    inProcessJournalledOverheadP99Ms: round(percentile(journalled, 99) - percentile(direct, 99), 3),
  };
}

async function throughput(url: string) {
  const deadline = performance.now() + THROUGHPUT_MS;
  const latencies: number[] = [];
  let errors = 0;
  const client = async () => {
    while (performance.now() < deadline) {
      const result = await create(url);
      latencies.push(result.ms);
      if (!result.ok) errors++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, client));
  const seconds = (performance.now() - started) / 1000;
  return {
    requestsPerSecond: round(latencies.length / seconds, 0),
    p50: round(percentile(latencies, 50)),
    p99: round(percentile(latencies, 99)),
    errors,
  };
}

async function main() {
  // Bounded: whatever happens, stop within 3 minutes and take the servers down.
  setTimeout(() => {
    process.stderr.write("proxy bench: watchdog fired after 170 s\n");
    for (const child of children) child.kill("SIGKILL");
    process.exit(1);
  }, 170_000).unref();
  const simulator = await startChild(["--serve-simulator"]);
  const proxyServer = await startChild(["--serve-proxy", simulator.url]);
  const journalPort = await freePort();
  const journalServer = await startChild(["--serve-proxy", simulator.url, "--journal", String(journalPort)]);
  const signedIn = signedInHeaders();
  const direct = `${simulator.url}/crm/v3/objects/quotes/batch/create`;
  const viaProxy = `${proxyServer.url}/api/hubspot/crm/v3/objects/quotes/batch/create`;
  const viaJournal = `${journalServer.url}/api/hubspot/crm/v3/objects/quotes/batch/create`;
  const reset = () => fetch(`${simulator.url}/__reset`).then((response) => response.text());
  try {
    for (let i = 0; i < WARMUP; i++) {
      await create(direct);
      await create(viaProxy);
      await create(viaJournal, signedIn);
    }
    await reset();
    process.stderr.write("proxy bench: warmed up; sequential…\n");
    // Interleaved, so drift on a shared machine hits both series alike.
    const directMs: number[] = [];
    const proxyMs: number[] = [];
    const journalMs: number[] = [];
    let sequentialErrors = 0;
    for (let i = 0; i < SEQUENTIAL; i++) {
      const a = await create(direct);
      const b = await create(viaProxy);
      const c = await create(viaJournal, signedIn);
      directMs.push(a.ms);
      proxyMs.push(b.ms);
      journalMs.push(c.ms);
      if (!a.ok || !b.ok || !c.ok) sequentialErrors++;
    }
    await reset();
    process.stderr.write("proxy bench: 50 concurrent clients…\n");
    const loadDirect = await throughput(direct);
    await reset();
    const loadProxy = await throughput(viaProxy);

    const handlerOnly = await inProcess();
    const overheadP50 = round(percentile(proxyMs, 50) - percentile(directMs, 50));
    const overheadP99 = round(percentile(proxyMs, 99) - percentile(directMs, 99));
    const journalledP50 = round(percentile(journalMs, 50) - percentile(directMs, 50));
    const journalledP99 = round(percentile(journalMs, 99) - percentile(directMs, 99));
    const errors = sequentialErrors + loadDirect.errors + loadProxy.errors;
    printReport({
      name: "proxy overhead (batch create, 10 inputs, loopback HTTP, separate processes)",
      figures: {
        sequentialRequests: SEQUENTIAL,
        directP50Ms: round(percentile(directMs, 50)),
        directP99Ms: round(percentile(directMs, 99)),
        viaProxyP50Ms: round(percentile(proxyMs, 50)),
        viaProxyP99Ms: round(percentile(proxyMs, 99)),
        proxyOverheadP50Ms: overheadP50,
        proxyOverheadP99Ms: overheadP99,
        viaJournalledProxyP50Ms: round(percentile(journalMs, 50)),
        viaJournalledProxyP99Ms: round(percentile(journalMs, 99)),
        journalledProxyOverheadP50Ms: journalledP50,
        journalledProxyOverheadP99Ms: journalledP99,
        journalledProxy:
          "Node app + OIDC session cookie + CSRF + journal (PGlite), as npm start with AUTH_MODE=oidc",
        concurrentClients: CONCURRENCY,
        loadSeconds: THROUGHPUT_MS / 1000,
        directUnderLoad: loadDirect,
        viaProxyUnderLoad: loadProxy,
        errors,
        ...handlerOnly,
        loadAverage1m: round(loadavg()[0] ?? 0),
      },
      targets: {
        proxyOverheadP50Ms: "< 2",
        proxyOverheadP99Ms: "< 10",
        journalledProxyOverheadP50Ms: "< 3 (embedded database)",
        journalledProxyOverheadP99Ms: "< 15",
        errors: "0",
      },
      pass: overheadP50 < 2 && overheadP99 < 10 && journalledP50 < 3 && journalledP99 < 15 && errors === 0,
    });
  } finally {
    for (const child of children) child.kill("SIGINT");
  }
  // Keep-alive sockets to the (now stopped) servers must not hold the bench open.
  process.exit(0);
}

// Last, so every module-level constant above is initialised before it runs.
const mode = process.argv[2];
if (mode === "--serve-simulator") serveSimulator();
else if (mode === "--serve-proxy")
  await serveProxy(process.argv[3] ?? "", process.argv[4] === "--journal", Number(process.argv[5] ?? 0));
else await main();
