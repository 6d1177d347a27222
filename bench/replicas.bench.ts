import { type ChildProcess, spawn } from "node:child_process";
import { loadavg } from "node:os";
import { createInterface } from "node:readline";
import { serve } from "@hono/node-server";
import pg from "pg";
import { migrate } from "../src/server/db/migrations.ts";
import { openPostgres } from "../src/server/db/pg-database.ts";
import { Journal } from "../src/server/journal/journal.ts";
import { createProxy } from "../src/server/proxy.ts";
import { SharedTokenLimiters } from "../src/server/shared-rate-limiter.ts";
import { httpUpstream } from "../src/server/upstream.ts";
import { createSimulator, SIMULATOR_TOKEN } from "../src/simulator/simulator.ts";
import { printReport, round } from "./lib/app-server.ts";

/**
 * Two replicas, one token: two proxy processes (journal and shared rate limit on one PostgreSQL) in front of
 * ONE simulator process at 100 requests / 10 s and 150 ms latency, which counts every 429 it answers.
 * Three submitters of 10,000 quotes each (100 requests of 100), every request to the next replica in turn,
 * six at a time each (a browser's connections per host). Floor = (ceil(300 / 100) - 1) × 10 s + one 150 ms
 * round trip. Needs PostgreSQL: BENCH_DATABASE_URL, else TEST_DATABASE_URL, else DATABASE_URL.
 */
const RATE = 100;
const LATENCY_MS = 150;
const SUBMITTERS = 3;
const QUOTES_EACH = Number(process.env.BENCH_REPLICA_QUOTES ?? 10_000);
const PER_REQUEST = 100;
const CONCURRENCY = 6;
const API = "/api/hubspot/crm/v3/objects/quotes/batch/create";

function serveSimulator() {
  exitWithParent();
  const simulator = createSimulator({ rateLimitPerTenSeconds: RATE, faults: { latencyMs: LATENCY_MS } });
  let tooMany = 0;
  const server = serve({
    hostname: "127.0.0.1",
    port: 0,
    fetch: async (request: Request) => {
      if (new URL(request.url).pathname === "/__stats") return Response.json({ tooMany });
      const response = await simulator.fetch(request);
      if (response.status === 429) tooMany++;
      return response;
    },
  });
  server.on("listening", () => announce(server.address()));
}

async function serveReplica(upstreamOrigin: string) {
  exitWithParent();
  const db = await openPostgres(databaseUrl() ?? "", { searchPath: process.env.BENCH_SCHEMA ?? "public" });
  const proxy = createProxy({
    // As `main.ts` reaches HubSpot.
    upstream: httpUpstream(upstreamOrigin),
    upstreamOrigin,
    upstreamName: "simulator",
    token: SIMULATOR_TOKEN,
    perTenSeconds: RATE,
    limiters: new SharedTokenLimiters(db, { perTenSeconds: RATE, leaseMs: 30_000 }),
    journal: new Journal(db, crypto.randomUUID()),
  });
  const server = serve({ hostname: "127.0.0.1", port: 0, fetch: (request) => proxy(request) });
  server.on("listening", () => announce(server.address()));
}

function databaseUrl(): string | undefined {
  return process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
}

function announce(address: unknown) {
  const port = typeof address === "object" && address && "port" in address ? address.port : 0;
  process.stdout.write(`READY ${port}\n`);
}

function exitWithParent() {
  process.stdin.on("close", () => process.exit(0));
  process.stdin.resume();
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => process.exit(0));
}

const children: ChildProcess[] = [];

async function startChild(args: string[], env: Record<string, string> = {}): Promise<string> {
  const child = spawn(process.execPath, ["--import", "tsx", "bench/replicas.bench.ts", ...args], {
    stdio: ["pipe", "pipe", "inherit"],
    env: { ...process.env, ...env },
  });
  children.push(child);
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const port = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("a bench server did not start in 60 s")), 60_000);
    lines.on("line", (line) => {
      const match = /^READY (\d+)$/.exec(line);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
  });
  return `http://127.0.0.1:${port}`;
}

interface Tally {
  created: number;
  tooManyAtClient: number;
  otherErrors: number;
}

async function submitter(index: number, replicas: readonly string[], tally: Tally): Promise<void> {
  const requests = Math.ceil(QUOTES_EACH / PER_REQUEST);
  let next = 0;
  const worker = async () => {
    while (next < requests) {
      const n = next++;
      const inputs = Array.from({ length: PER_REQUEST }, (_, i) => ({
        properties: {
          hs_title: `S${index} ${n * PER_REQUEST + i}`,
          hs_expiration_date: "2030-06-30",
          hs_status: "DRAFT",
        },
        associations: [],
        objectWriteTraceId: `s${index}-${n}-${i}`,
      }));
      const replica = replicas[(n + index) % replicas.length] ?? "";
      for (;;) {
        const response = await fetch(`${replica}${API}`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "x-qbc-submission-id": `bench-s${index}`,
            "x-qbc-request-id": `bench-s${index}-r${n}`,
          },
          body: JSON.stringify({ inputs }),
          signal: AbortSignal.timeout(120_000),
        });
        const text = await response.text();
        if (response.status === 201) {
          tally.created += inputs.length;
          break;
        }
        if (response.status === 429) {
          tally.tooManyAtClient++;
          await new Promise((resolve) => setTimeout(resolve, 1_000));
          continue;
        }
        tally.otherErrors++;
        process.stderr.write(`replicas bench: ${response.status} ${text.slice(0, 200)}\n`);
        break;
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

async function main() {
  const url = databaseUrl();
  if (!url) {
    printReport({
      name: "two replicas, one token (shared rate limit in PostgreSQL)",
      figures: { skipped: "no PostgreSQL: set BENCH_DATABASE_URL (or TEST_DATABASE_URL / DATABASE_URL)" },
      targets: {},
      pass: false,
    });
    return;
  }
  setTimeout(() => {
    process.stderr.write("replicas bench: watchdog fired after 170 s\n");
    for (const child of children) child.kill("SIGKILL");
    process.exit(1);
  }, 170_000).unref();
  const schema = `qbc_bench_${crypto.randomUUID().replaceAll("-", "").slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  const db = await openPostgres(url, { searchPath: schema });
  await migrate(db);
  try {
    const simulator = await startChild(["--serve-simulator"]);
    const replicas = await Promise.all([
      startChild(["--serve-replica", simulator], { BENCH_SCHEMA: schema }),
      startChild(["--serve-replica", simulator], { BENCH_SCHEMA: schema }),
    ]);
    const tally: Tally = { created: 0, tooManyAtClient: 0, otherErrors: 0 };
    const started = performance.now();
    await Promise.all(Array.from({ length: SUBMITTERS }, (_, i) => submitter(i + 1, replicas, tally)));
    const seconds = (performance.now() - started) / 1000;
    const requests = SUBMITTERS * Math.ceil(QUOTES_EACH / PER_REQUEST);
    const floor = (Math.ceil(requests / RATE) - 1) * 10 + LATENCY_MS / 1000;
    const stats: unknown = await (await fetch(`${simulator}/__stats`)).json();
    const upstream429s =
      typeof stats === "object" && stats && "tooMany" in stats ? Number(stats.tooMany) : -1;
    const { rows } = await db.query(
      "select state, count(*)::integer as n from journal_entries group by state",
    );
    const ratio = seconds / floor;
    printReport({
      name: "two replicas, one token (shared rate limit in PostgreSQL)",
      figures: {
        replicas: 2,
        submitters: SUBMITTERS,
        quotesEach: QUOTES_EACH,
        requests,
        seconds: round(seconds),
        floorSeconds: round(floor),
        ratioToFloor: round(ratio, 3),
        created: tally.created,
        tooManyReachingClients: tally.tooManyAtClient,
        tooManyFromUpstream: upstream429s,
        otherErrors: tally.otherErrors,
        journalEntries: rows,
        loadAverage1m: round(loadavg()[0] ?? 0),
      },
      targets: { ratioToFloor: "<= 1.15", tooManyReachingClients: "0", tooManyFromUpstream: "0" },
      pass: ratio <= 1.15 && tally.tooManyAtClient === 0 && upstream429s === 0 && tally.otherErrors === 0,
    });
  } finally {
    for (const child of children) child.kill("SIGINT");
    await db.close();
    await admin.query(`drop schema ${schema} cascade`).catch(() => undefined);
    await admin.end();
  }
  process.exit(0);
}

const mode = process.argv[2];
if (mode === "--serve-simulator") serveSimulator();
else if (mode === "--serve-replica") await serveReplica(process.argv[3] ?? "");
else await main();
