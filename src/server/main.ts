import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import { createSimulator, SIMULATOR_TOKEN } from "../simulator/simulator.ts";
import { allowedHosts } from "./allowed-hosts.ts";
import { createAuthLayer } from "./auth/create-auth.ts";
import type { Database } from "./db/database.ts";
import { openDatabase } from "./db/open-database.ts";
import { parseEnv, type ServerEnv } from "./env.ts";
import { Submissions } from "./history/submissions.ts";
import { submissionsApi } from "./history/submissions-api.ts";
import { journalApi } from "./journal/journal-api.ts";
import { type OpenedJournal, openJournal } from "./journal/open-journal.ts";
import { createNodeApp } from "./node-app.ts";
import { createProxy, type ProxyOptions } from "./proxy.ts";
import { TokenLimiters } from "./rate-limiter.ts";
import { SharedTokenLimiters } from "./shared-rate-limiter.ts";
import { httpUpstream } from "./upstream.ts";

/** `npm start` / `npm run serve`: the built app and the token-holding proxy on one origin. */
function loadEnvOrExit(): ServerEnv {
  const result = parseEnv(process.env);
  if (result.ok) return result.env;
  process.stderr.write(`${result.message}\nFix the variable(s) above and start the server again.\n`);
  process.exit(1);
}

const env = loadEnvOrExit();
const log = (line: string) => process.stderr.write(`[proxy] ${line}\n`);

async function openJournalOrExit(): Promise<{ db: Database; opened: OpenedJournal }> {
  try {
    const db = await openDatabase({ databaseUrl: env.databaseUrl, dataDir: env.dataDir });
    // A request in flight lasts at most the upstream timeout; a minute more covers a slow journal write.
    const opened = await openJournal(db, {
      maxRequestMs: env.upstreamTimeoutMs + 60_000,
      sentLogPath: resolve(env.dataDir, "journal-sent.jsonl"),
      log,
    });
    return { db, opened };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const where = env.databaseUrl
      ? "the PostgreSQL database in DATABASE_URL"
      : `DATA_DIR (${resolve(env.dataDir)})`;
    process.stderr.write(`Cannot open the journal in ${where}: ${reason}\n`);
    process.exit(1);
  }
}

const { db, opened } = await openJournalOrExit();
// With PostgreSQL, replicas may share the token: the limit's counts live in the database they share.
const limiters =
  db.kind === "postgres"
    ? new SharedTokenLimiters(db, { perTenSeconds: env.perTenSeconds, leaseMs: env.upstreamTimeoutMs })
    : new TokenLimiters({ perTenSeconds: env.perTenSeconds });

function proxyOptions(): ProxyOptions {
  const common = {
    perTenSeconds: env.perTenSeconds,
    timeoutMs: env.upstreamTimeoutMs,
    limiters,
    log,
    allowedHosts: allowedHosts(env),
    journal: opened.journal,
    routes: [journalApi(opened.journal), submissionsApi(new Submissions(db), opened.journal)],
  };
  if (env.token) {
    return {
      ...common,
      upstream: httpUpstream(env.hubspotApiBase),
      upstreamName: "hubspot",
      upstreamOrigin: env.hubspotApiBase,
      token: env.token,
    };
  }
  const simulator = createSimulator({
    seed: env.simulator.seed,
    rateLimitPerTenSeconds: env.perTenSeconds,
    portal: env.simulator.portal,
    quoteSystem: env.simulator.quoteSystem,
    faults: {
      latencyMs: env.simulator.latencyMs,
      failBeforeApplyRate: env.simulator.failBeforeApplyRate,
      failAfterApplyRate: env.simulator.failAfterApplyRate,
      dropAfterApplyRate: env.simulator.dropAfterApplyRate,
      lockedRate: env.simulator.lockedRate,
      canceledRate: env.simulator.canceledRate,
      pendingRate: env.simulator.pendingRate,
      processingRate: env.simulator.processingRate,
    },
  });
  return {
    ...common,
    upstream: (request) => simulator.fetch(request),
    upstreamName: "simulator",
    token: SIMULATOR_TOKEN,
    simulatorControl: env.simulator.control ? simulator : undefined,
  };
}

const distDir = resolve(dirname(fileURLToPath(import.meta.url)), "../../dist");
if (!existsSync(join(distDir, "index.html"))) {
  process.stderr.write(
    `dist/ is missing (${distDir}): the API runs, but there is no page to serve.\n` +
      "Build the app first: `npm run build`, or use `npm start`, which builds and then serves.\n",
  );
}

const auth = createAuthLayer({
  auth: env.auth,
  proxy: createProxy(proxyOptions()),
  log: (line) => process.stderr.write(`[auth] ${line}\n`),
});
if (env.auth.mode !== "none" && env.auth.sessionSecretGenerated) {
  process.stderr.write(
    "[auth] SESSION_SECRET is not set: sessions end when this process stops, and replicas cannot share them.\n",
  );
}
auth.warmUp().catch((error: unknown) => {
  const reason = error instanceof Error ? error.message : String(error);
  process.stderr.write(`[auth] The identity provider did not answer yet (${reason}); sign-in retries it.\n`);
});
const app = createNodeApp(auth.api, distDir, { authRoutes: auth.routes });
const server = serve({ fetch: app.fetch, hostname: env.host, port: env.port }, (info) => {
  const host = info.family === "IPv6" ? `[${info.address}]` : info.address;
  const upstream = env.token ? `HubSpot (${new URL(env.hubspotApiBase).host})` : "simulator";
  const journal = env.databaseUrl
    ? "PostgreSQL (DATABASE_URL; the rate limit is shared with every replica on it)"
    : `embedded, in ${resolve(env.dataDir)}`;
  const interrupted =
    opened.interrupted > 0
      ? `\n${opened.interrupted} request(s) were on their way to HubSpot when the server last stopped: their outcome is unknown; reconcile them from History.`
      : "";
  process.stdout.write(
    `Quote Batch Composer: http://${host}:${info.port}\n` +
      `Upstream: ${upstream}, rate limit ${env.perTenSeconds} requests / 10 s (${env.tier})\n` +
      `Journal: ${journal}${interrupted}\n` +
      `Sign-in: ${env.auth.mode === "none" ? "none (this computer only)" : env.auth.mode}\n`,
  );
});

server.on("error", (error: NodeJS.ErrnoException) => {
  const hint =
    error.code === "EADDRINUSE"
      ? `Port ${env.port} on ${env.host} is in use: stop the other server or set PORT to a free port.`
      : error.code === "EADDRNOTAVAIL"
        ? `HOST=${env.host} is not an address of this machine.`
        : error.message;
  process.stderr.write(`Cannot start the server: ${hint}\n`);
  process.exit(1);
});

let stopping = false;
function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  process.stdout.write(`${signal}: stopping…\n`);
  server.close(() => {
    opened.stop();
    // Answers already replied to are recorded before the database closes (what is not stays "sent").
    opened.journal.stopDeferred();
    void opened.journal
      .settled()
      .then(() => {
        opened.close();
        return db.close();
      })
      .finally(() => process.exit(0));
  });
  if ("closeIdleConnections" in server) server.closeIdleConnections();
  // Requests waiting on the rate limiter or a slow upstream get a few seconds, then the process goes.
  setTimeout(() => process.exit(0), 5_000).unref();
}
process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));
