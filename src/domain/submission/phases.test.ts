import { describe, expect, it } from "vitest";
import { FakeClock } from "../../test/fake-clock.ts";
import {
  applyResult,
  lineOutcomes,
  nextRequests,
  type PhaseRequest,
  type PhaseResult,
  type PlannedQuote,
  quoteSummary,
  requestsNeeded,
  startProgress,
} from "./phases.ts";

function plan(quotes: number, lines: number, publish = true): PlannedQuote[] {
  return Array.from({ length: quotes }, (_, q) => ({
    rowId: `q${q}`,
    publish,
    lines: Array.from({ length: lines }, (_, l) => ({
      lineId: `q${q}-l${l}`,
      properties: { hs_product_id: "1", quantity: "1", hs_position_on_quote: String(l) },
    })),
  }));
}

describe("nextRequests", () => {
  it("goes quote → line items (with their quote's id) → publish → read back, in batches of 100", () => {
    const p = plan(150, 3);
    let progress = startProgress(p);
    let requests = nextRequests(p, progress);
    expect(requests.map((r) => r.kind)).toEqual(["create-quotes", "create-quotes"]);
    progress = applyResult(progress, {
      kind: "quotes",
      outcomes: new Map(p.map((q, i) => [q.rowId, { state: "done", id: String(1000 + i) }])),
    });
    requests = nextRequests(p, progress);
    expect(requests.map((r) => r.kind)).toEqual([
      "create-lines",
      "create-lines",
      "create-lines",
      "create-lines",
      "create-lines",
    ]);
    const first = requests[0];
    expect(first?.kind === "create-lines" && first.lines[0]).toMatchObject({ rowId: "q0", quoteId: "1000" });
    expect(requestsNeeded(p)).toBe(2 + 5 + 2 + 2);
  });

  it("a row with an unknown line item is reconciled before anything else is sent for it, and is never published early", () => {
    const p = plan(1, 2);
    let progress = applyResult(startProgress(p), {
      kind: "quotes",
      outcomes: new Map([["q0", { state: "done", id: "7" }]]),
    });
    progress = applyResult(progress, {
      kind: "lines",
      outcomes: new Map([
        [
          "q0",
          new Map([
            ["q0-l0", { state: "done", id: "70" }],
            ["q0-l1", { state: "unknown" }],
          ]),
        ],
      ]),
    });
    expect(nextRequests(p, progress).map((r) => r.kind)).toEqual(["reconcile-lines"]);
    expect(quoteSummary(progress[0]!)).toMatchObject({ outcome: "unknown", linesDone: 1, linesTotal: 2 });
    progress = applyResult(progress, { kind: "reconciled-lines", found: new Map([["q0", new Map()]]) });
    // Not found: it was never created, so it is sent again (once).
    const again = nextRequests(p, progress);
    expect(again).toHaveLength(1);
    expect(again[0]?.kind === "create-lines" && again[0].lines.map((l) => l.line.lineId)).toEqual(["q0-l1"]);
  });

  it("a failed line item stops the row before publishing, and says which phase", () => {
    const p = plan(1, 1);
    let progress = applyResult(startProgress(p), {
      kind: "quotes",
      outcomes: new Map([["q0", { state: "done", id: "7" }]]),
    });
    progress = applyResult(progress, {
      kind: "lines",
      outcomes: new Map([
        [
          "q0",
          new Map([
            [
              "q0-l0",
              { state: "failed", error: { category: "VALIDATION_ERROR", message: "quantity must be > 0" } },
            ],
          ]),
        ],
      ]),
    });
    expect(nextRequests(p, progress)).toEqual([]);
    expect(quoteSummary(progress[0]!)).toMatchObject({ outcome: "failed", failedPhase: "line items" });
  });
});

/**
 * A small HubSpot for quotes and line items: creates with trace ids, a 68 association per line, 502 after
 * apply on a share of every write. Enough to run the planner's fault handling end to end in virtual time.
 */
function fakeQuoteHubspot(clock: FakeClock, failAfterApply: number) {
  // A seeded mulberry32: the same faults every run.
  let seed = 7;
  const prng = {
    next() {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
    },
  };
  let nextId = 1;
  const quotes = new Map<string, { id: string; key: string; status: string }>();
  const lines = new Map<string, { id: string; key: string; quoteId: string }>();
  const answer = async <T>(apply: () => T): Promise<T | "502"> => {
    await clock.sleep(150);
    const value = apply();
    return prng.next() < failAfterApply ? "502" : value;
  };
  return {
    quotes,
    lines,
    createQuotes: (keys: string[]) =>
      answer(() =>
        keys.map((key) => {
          if ([...quotes.values()].some((q) => q.key === key)) throw new Error(`duplicate quote ${key}`);
          const quote = { id: String(nextId++), key, status: "DRAFT" };
          quotes.set(quote.id, quote);
          return quote;
        }),
      ),
    readQuotesByKey: async (keys: string[]) => {
      await clock.sleep(150);
      return [...quotes.values()].filter((q) => keys.includes(q.key));
    },
    createLines: (inputs: { key: string; quoteId: string }[]) =>
      answer(() =>
        inputs.map(({ key, quoteId }) => {
          const line = { id: String(nextId++), key, quoteId };
          lines.set(line.id, line);
          return line;
        }),
      ),
    linesOf: async (quoteIds: string[]) => {
      await clock.sleep(150);
      return [...lines.values()].filter((line) => quoteIds.includes(line.quoteId));
    },
    publish: (ids: string[]) =>
      answer(() => {
        for (const id of ids) quotes.get(id)!.status = "APPROVAL_NOT_NEEDED";
        return ids;
      }),
  };
}

async function drive(p: PlannedQuote[], hubspot: ReturnType<typeof fakeQuoteHubspot>) {
  let progress = startProgress(p);
  const unknownQuotes = new Set<string>();
  for (let round = 0; round < 50; round++) {
    // Unknown quotes: found by their key (the stamped unique value), else sent again.
    if (unknownQuotes.size > 0) {
      const found = await hubspot.readQuotesByKey([...unknownQuotes]);
      const byKey = new Map(found.map((q) => [q.key, q.id]));
      progress = applyResult(progress, {
        kind: "quotes",
        outcomes: new Map(
          [...unknownQuotes].map((rowId) => {
            const id = byKey.get(rowId);
            return [rowId, id ? { state: "done" as const, id } : { state: "todo" as const }];
          }),
        ),
      });
      unknownQuotes.clear();
    }
    const requests = nextRequests(p, progress);
    if (requests.length === 0) break;
    const results = await Promise.all(requests.map((request) => send(request)));
    for (const result of results) progress = applyResult(progress, result);
  }
  return progress;

  async function send(request: PhaseRequest): Promise<PhaseResult> {
    switch (request.kind) {
      case "create-quotes": {
        const answer = await hubspot.createQuotes(request.rowIds);
        if (answer === "502") for (const id of request.rowIds) unknownQuotes.add(id);
        return {
          kind: "quotes",
          outcomes: new Map(
            request.rowIds.map((rowId) => [
              rowId,
              answer === "502"
                ? { state: "unknown" }
                : { state: "done", id: answer.find((q) => q.key === rowId)!.id },
            ]),
          ),
        };
      }
      case "create-lines": {
        const answer = await hubspot.createLines(
          request.lines.map((l) => ({ key: l.line.lineId, quoteId: l.quoteId })),
        );
        return {
          kind: "lines",
          outcomes: lineOutcomes(
            request.lines.map((l) => [
              l.rowId,
              l.line.lineId,
              answer === "502"
                ? { state: "unknown" }
                : { state: "done", id: answer.find((a) => a.key === l.line.lineId)!.id },
            ]),
          ),
        };
      }
      case "reconcile-lines": {
        const found = await hubspot.linesOf(request.quotes.map((q) => q.quoteId));
        return {
          kind: "reconciled-lines",
          found: new Map(
            request.quotes.map((q) => [
              q.rowId,
              new Map(found.filter((line) => line.quoteId === q.quoteId).map((line) => [line.key, line.id])),
            ]),
          ),
        };
      }
      case "publish": {
        // Publishing twice sets the same status: an unknown publish is simply sent again.
        const answer = await hubspot.publish(request.quotes.map((q) => q.quoteId));
        return {
          kind: "publish",
          outcomes: new Map(
            request.quotes.map((q) => [q.rowId, { state: answer === "502" ? "todo" : "done" }]),
          ),
        };
      }
      case "read-back":
        return {
          kind: "read-back",
          outcomes: new Map(request.quotes.map((q) => [q.rowId, { state: "done" }])),
        };
    }
  }
}

describe("phases under faults, in virtual time", () => {
  it("with 5% of writes answered 502 after apply: no duplicate quote or line item, no orphan, every quote complete", async () => {
    const clock = new FakeClock();
    const hubspot = fakeQuoteHubspot(clock, 0.05);
    const p = plan(600, 3);
    const progress = await clock.run(drive(p, hubspot));
    expect(progress.map((q) => quoteSummary(q).outcome).every((o) => o === "created")).toBe(true);
    expect(hubspot.quotes.size).toBe(600);
    const lineKeys = [...hubspot.lines.values()].map((line) => line.key);
    expect(new Set(lineKeys).size).toBe(lineKeys.length);
    expect(lineKeys).toHaveLength(1_800);
    expect([...hubspot.lines.values()].every((line) => hubspot.quotes.has(line.quoteId))).toBe(true);
    expect([...hubspot.quotes.values()].every((q) => q.status === "APPROVAL_NOT_NEEDED")).toBe(true);
    expect(quoteSummary(progress[0]!)).toMatchObject({ linesDone: 3, linesTotal: 3 });
  });
});
