import { createLine, createRow } from "../src/domain/batch/row.ts";
import { requestsNeeded } from "../src/domain/submission/phases.ts";
import { incompleteQuotes, planQuotes } from "../src/domain/submission/quote-phases.ts";
import type { SendResult } from "../src/domain/submission/send-result.ts";
import { BatchResponse } from "../src/hubspot/batch-create.ts";
import { hubspotPaths } from "../src/hubspot/endpoints.ts";
import { LINE_ITEM_UNIQUE_PROPERTY } from "../src/hubspot/line-items.ts";
import { type SubmissionRunner, SubmissionStore } from "../src/lib/submission/submission-store.ts";
import { createProxy } from "../src/server/proxy.ts";
import { createSimulator, type FaultSettings, SIMULATOR_TOKEN } from "../src/simulator/simulator.ts";
import { seededCrm } from "../src/simulator/test-kit.ts";
import { printReport, round } from "./lib/app-server.ts";

/**
 * Complete quotes (issue 8 §3): 1,000 quotes × 5 line items, created, published and read back, through the
 * REAL proxy (its per-token limiter, in process) to the simulator at 100 requests / 10 s and 150 ms latency,
 * in real time. Floor = (ceil(requests / 100) − 1) × 10 s + one round trip; because the whole plan fits in one
 * window here, the binding bound is the chain of phases at 6 requests in flight:
 * concurrency floor = Σ over phases ceil(requests of the phase / 6) × 150 ms. A second run with 5% of every
 * write answered 502 after apply counts duplicate quotes, duplicate and orphaned line items.
 */
const QUOTES = Number(process.env.BENCH_QUOTES ?? 1_000);
const LINES = 5;
const LIMIT = 100;
const LATENCY_MS = 150;
const CONCURRENCY = 6;
const crm = seededCrm();

function setup(faults: Partial<FaultSettings>) {
  const simulator = createSimulator({
    rateLimitPerTenSeconds: LIMIT,
    faults: { latencyMs: LATENCY_MS, ...faults },
  });
  const proxy = createProxy({
    upstream: (request) => simulator.fetch(request),
    upstreamName: "simulator",
    token: SIMULATOR_TOKEN,
    perTenSeconds: LIMIT,
  });
  const post = async (path: string, body: unknown, signal?: AbortSignal): Promise<SendResult> => {
    try {
      const response = await proxy(
        new Request(`http://127.0.0.1/api/hubspot${path}`, {
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
      return { kind: "no-answer", sent: "maybe", message: String(error) };
    }
  };
  const runner: SubmissionRunner = {
    send: (_id, request, signal) =>
      post(
        request.target === "line_items" ? hubspotPaths.lineItemsBatchCreate : hubspotPaths.quotesBatchCreate,
        { inputs: request.inputs },
        signal,
      ),
    call: (_id, _requestId, path, body, signal) => post(path, body, signal),
    read: async (request) => {
      const answer = await post(hubspotPaths.quotesBatchRead, request);
      if (answer.kind !== "answered") throw new Error(answer.message);
      return BatchResponse.parse(answer.body);
    },
  };
  return { simulator, runner, store: new SubmissionStore({ concurrency: CONCURRENCY }) };
}

const rows = Array.from({ length: QUOTES }, (_, q) =>
  createRow(
    {
      hs_title: `Q${q + 1}`,
      hs_expiration_date: "2031-12-31",
      hs_status: "DRAFT",
      "assoc:deals:HUBSPOT_DEFINED:64": crm.deals[q % crm.deals.length]!.id,
      "assoc:quote_template:HUBSPOT_DEFINED:286": crm.quote_template[0]!.id,
    },
    `r${q + 1}`,
    Array.from({ length: LINES }, (_, l) =>
      createLine(
        { hs_product_id: crm.products[(q + l) % crm.products.length]!.id, quantity: "1" },
        `r${q + 1}-l${l + 1}`,
      ),
    ),
  ),
);
const rowsById = new Map(rows.map((row) => [row.id, row]));

async function run(faults: Partial<FaultSettings>) {
  const env = setup(faults);
  const phases = planQuotes(rows, { publish: true, system: "legacy", lineKey: LINE_ITEM_UNIQUE_PROPERTY });
  const started = performance.now();
  let state = await env.store.start(
    {
      environment: { kind: "simulator" },
      rateLimit: { max: LIMIT, intervalMs: 10_000 },
      rows: rows.map((row, i) => ({ row, rowNumber: i + 1 })),
      serialise: { stamp: { propertyName: "batch_row_key", valueFor: (row) => row.id } },
      phases,
    },
    env.runner,
  );
  const firstPass = (performance.now() - started) / 1000;
  for (let i = 0; i < 5 && state.rows.some((row) => row.outcome === "unknown"); i++) {
    await env.store.reconcile(rowsById, {}, env.runner);
    state = env.store.getSnapshot().current!;
  }
  for (let i = 0; i < 5 && incompleteQuotes(state).length > 0; i++)
    state = await env.store.finishIncomplete(env.runner);
  const seconds = (performance.now() - started) / 1000;
  const quotes = env.simulator.createdQuotes();
  const items = env.simulator.createdLineItems();
  const quoteIds = new Set(quotes.map((q) => q.id));
  const keys = items.map((item) => item.properties[LINE_ITEM_UNIQUE_PROPERTY] ?? item.id);
  return {
    seconds: round(seconds, 2),
    firstPassSeconds: round(firstPass, 2),
    requests: state.requests.length,
    quotesCreated: quotes.length,
    lineItemsCreated: items.length,
    duplicateQuotes: quotes.length - new Set(quotes.map((q) => q.properties.batch_row_key)).size,
    duplicateLineItems: items.length - new Set(keys).size,
    orphanedLineItems: items.filter((item) => item.parent?.type !== "quotes" || !quoteIds.has(item.parent.id))
      .length,
    incompleteQuotes: incompleteQuotes(state).length,
    published: state.phases?.progress.filter((p) => p.publish.state === "done").length ?? 0,
  };
}

const plan = planQuotes(rows, { publish: true, system: "legacy" }).plan;
const needed = requestsNeeded(plan);
const floorSeconds = (Math.ceil(needed / LIMIT) - 1) * 10 + LATENCY_MS / 1000;
const perPhase = [QUOTES, QUOTES * LINES, QUOTES, QUOTES].map((n) => Math.ceil(n / 100));
const concurrencyFloor = perPhase.reduce((sum, n) => sum + Math.ceil(n / CONCURRENCY) * LATENCY_MS, 0) / 1000;
// The app's timers are unref'd (a wait must not keep a finished server alive): keep this process up.
const alive = setInterval(() => {}, 1_000);
const clean = await run({});
const faulty = await run({ failAfterApplyRate: 0.05 });
clearInterval(alive);
printReport({
  name: "complete-quotes",
  figures: {
    quotes: QUOTES,
    linesPerQuote: LINES,
    requestsNeeded: needed,
    floorSeconds,
    floorDefinition: "(ceil(requests/100) - 1) × 10 s + one 150 ms round trip",
    concurrencyFloorSeconds: concurrencyFloor,
    concurrencyFloorDefinition: "Σ phases ceil(requests of phase / 6 in flight) × 150 ms",
    clean: {
      ...clean,
      ratioToFloor: round(clean.seconds / floorSeconds, 2),
      ratioToConcurrencyFloor: round(clean.seconds / concurrencyFloor, 2),
    },
    faults5pct: faulty,
  },
  targets: {
    faults5pct: "0 duplicate quotes, 0 duplicate or orphaned line items, every quote complete",
  },
  pass:
    clean.incompleteQuotes === 0 &&
    faulty.duplicateQuotes === 0 &&
    faulty.duplicateLineItems === 0 &&
    faulty.orphanedLineItems === 0 &&
    faulty.incompleteQuotes === 0,
});
