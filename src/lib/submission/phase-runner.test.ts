import { describe, expect, it } from "vitest";
import { createLine, createRow } from "../../domain/batch/row.ts";
import { incompleteQuotes, planQuotes, quoteSummaryOf } from "../../domain/submission/quote-phases.ts";
import type { SendResult } from "../../domain/submission/send-result.ts";
import type { QueueRequest } from "../../domain/submission/types.ts";
import { BatchResponse } from "../../hubspot/batch-create.ts";
import { hubspotPaths } from "../../hubspot/endpoints.ts";
import { LINE_ITEM_UNIQUE_PROPERTY } from "../../hubspot/line-items.ts";
import { createProxy } from "../../server/proxy.ts";
import { createSimulator, type FaultSettings, SIMULATOR_TOKEN } from "../../simulator/simulator.ts";
import { seededCrm } from "../../simulator/test-kit.ts";
import { FakeClock } from "../../test/fake-clock.ts";
import { type SubmissionRunner, SubmissionStore } from "./submission-store.ts";

const LIMIT = 100;
const crm = seededCrm();
const DEAL = "assoc:deals:HUBSPOT_DEFINED:64";
const TEMPLATE = "assoc:quote_template:HUBSPOT_DEFINED:286";

/** The store's queue and phases → the real proxy (its per-token limiter) → the simulator, on one fake clock. */
function setup(faults: Partial<FaultSettings> = {}) {
  const clock = new FakeClock();
  const simulator = createSimulator({
    clock,
    rateLimitPerTenSeconds: LIMIT,
    faults: { latencyMs: 150, ...faults },
  });
  const proxy = createProxy({
    upstream: (request) => simulator.fetch(request),
    upstreamName: "simulator",
    token: SIMULATOR_TOKEN,
    perTenSeconds: LIMIT,
    clock,
  });
  const post = async (path: string, body: unknown, signal: AbortSignal): Promise<SendResult> => {
    try {
      const response = await proxy(
        new Request(`http://127.0.0.1/api/hubspot${path}`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(body),
          signal,
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
    send: (_id, request: QueueRequest, signal) =>
      post(
        request.target === "line_items" ? hubspotPaths.lineItemsBatchCreate : hubspotPaths.quotesBatchCreate,
        { inputs: request.inputs },
        signal,
      ),
    call: (_id, _requestId, path, body, signal) => post(path, body, signal),
    read: async (request) => {
      const answer = await post(hubspotPaths.quotesBatchRead, request, new AbortController().signal);
      if (answer.kind !== "answered") throw new Error(answer.message);
      return BatchResponse.parse(answer.body);
    },
  };
  const store = new SubmissionStore({ clock, newId: () => "sub" });
  return { clock, simulator, runner, store };
}

function rows(quotes: number, lines: number) {
  const products = crm.products;
  return Array.from({ length: quotes }, (_, q) =>
    createRow(
      {
        hs_title: `Q${q + 1}`,
        hs_expiration_date: "2026-12-31",
        hs_status: "DRAFT",
        [DEAL]: crm.deals[q % 5]!.id,
        [TEMPLATE]: crm.quote_template[0]!.id,
      },
      `r${q + 1}`,
      Array.from({ length: lines }, (_, l) =>
        createLine(
          { hs_product_id: products[(q + l) % products.length]!.id, quantity: String(l + 1) },
          `r${q + 1}-l${l + 1}`,
        ),
      ),
    ),
  );
}

async function submit(env: ReturnType<typeof setup>, quotes: number, lines: number, publish: boolean) {
  const batch = rows(quotes, lines);
  const phases = planQuotes(batch, { publish, system: "legacy", lineKey: LINE_ITEM_UNIQUE_PROPERTY });
  return env.clock.run(
    env.store.start(
      {
        environment: { kind: "simulator" },
        rateLimit: { max: LIMIT, intervalMs: 10_000 },
        rows: batch.map((row, i) => ({ row, rowNumber: i + 1 })),
        serialise: { stamp: { propertyName: "batch_row_key", valueFor: (row) => row.id } },
        phases,
      },
      env.runner,
    ),
  );
}

describe("complete quotes through the proxy and the simulator", () => {
  it("creates each quote, then its own line items (68), publishes, and reads back amount, link and number", async () => {
    const env = setup();
    const state = await submit(env, 120, 3, true);
    expect(state.status).toBe("done");
    expect(state.rows.every((row) => row.outcome === "created")).toBe(true);
    const quotes = env.simulator.createdQuotes();
    const items = env.simulator.createdLineItems();
    expect(quotes).toHaveLength(120);
    expect(items).toHaveLength(360);
    for (const p of state.phases!.progress) {
      const summary = quoteSummaryOf(p);
      expect(summary).toMatchObject({ outcome: "created", linesDone: 3, linesTotal: 3, published: true });
      expect(Number(p.readBack.amount)).toBeGreaterThan(0);
      expect(p.readBack.quoteLink).toMatch(/^https?:\/\//);
      expect(p.readBack.quoteNumber).toBeTruthy();
    }
    // Quotes 2 requests, lines 4, publish 2, read back 2: each phase in batches of ≤ 100.
    const kinds = state.requests.map((r) => r.kind ?? "quotes");
    expect(kinds.filter((k) => k === "quotes")).toHaveLength(2);
    expect(kinds.filter((k) => k === "lines")).toHaveLength(4);
    expect(kinds.filter((k) => k === "publish")).toHaveLength(2);
    expect(kinds.filter((k) => k === "read-back")).toHaveLength(2);
    expect(incompleteQuotes(state)).toEqual([]);
  });

  it("without publishing, quotes stay drafts and still read back their amount", async () => {
    const env = setup();
    const state = await submit(env, 3, 2, false);
    for (const p of state.phases!.progress) {
      expect(p.publish.state).toBe("skipped");
      expect(p.readBack.status).toBe("DRAFT");
      expect(Number(p.readBack.amount)).toBeGreaterThan(0);
    }
  });

  it("with 30% of every write answered 502 or dropped after apply: no duplicate, no orphan, every quote complete after reconcile", async () => {
    const env = setup({ failAfterApplyRate: 0.15, dropAfterApplyRate: 0.15 });
    let state = await submit(env, 200, 4, true);
    // Quotes whose create answer was lost are reconciled by key, then their lines are read back and finished.
    for (let round = 0; round < 5 && state.rows.some((row) => row.outcome === "unknown"); round++) {
      await env.clock.run(env.store.reconcile(new Map(rows(200, 4).map((r) => [r.id, r])), {}, env.runner));
      state = env.store.getSnapshot().current!;
    }
    for (let round = 0; round < 5 && incompleteQuotes(state).length > 0; round++)
      state = await env.clock.run(env.store.finishIncomplete(env.runner));
    const quotes = env.simulator.createdQuotes();
    const items = env.simulator.createdLineItems();
    const keys = items.map((item) => item.properties[LINE_ITEM_UNIQUE_PROPERTY]);
    expect(new Set(quotes.map((q) => q.properties.batch_row_key)).size).toBe(quotes.length);
    expect(quotes).toHaveLength(200);
    expect(new Set(keys).size).toBe(items.length);
    expect(items).toHaveLength(800);
    const quoteIds = new Set(quotes.map((q) => q.id));
    expect(items.every((item) => item.parent?.type === "quotes" && quoteIds.has(item.parent.id))).toBe(true);
    expect(state.rows.every((row) => row.outcome === "created")).toBe(true);
    expect(incompleteQuotes(state)).toEqual([]);
    // The faults did strike line-item creates, and what they left unknown was read back, not resent blindly.
    expect(state.requests.some((r) => r.kind === "lines" && r.phase === "unknown")).toBe(true);
    expect(state.requests.some((r) => r.kind === "reconcile-lines")).toBe(true);
  });

  it("undo archives the quotes this submission created, and their line items go with them", async () => {
    const env = setup();
    await submit(env, 150, 2, false);
    // Archive answers lost after apply are asked again: archiving twice is harmless.
    env.simulator.setFaults({ failAfterApplyRate: 0.3 });
    const state = await env.clock.run(env.store.undo(env.runner, "sam@example.com"));
    expect(state.undo).toMatchObject({
      by: "sam@example.com",
      quotes: 150,
      lineItems: 300,
      archived: 150,
      failed: 0,
    });
    expect(state.undo?.finishedAt).toBeDefined();
    expect(state.rows.every((row) => row.archived === true)).toBe(true);
    expect(env.simulator.createdQuotes().every((quote) => quote.archivedAt !== undefined)).toBe(true);
    expect(env.simulator.createdLineItems().every((item) => item.archived)).toBe(true);
    expect(state.requests.filter((r) => r.kind === "archive")).toHaveLength(2);
  });
});
