import { describe, expect, it } from "vitest";
import { BatchResponse } from "../hubspot/batch-create.ts";
import { ApiErrorBody } from "../hubspot/errors.ts";
import { DEFAULT_FAULTS, FaultSettingsPatchSchema, faultRatesProblem } from "./faults.ts";
import { createSimulator, type FaultSettings } from "./simulator.ts";
import { call, fakeClock, simRequest, validLineItemInput, validQuoteInput } from "./test-kit.ts";

const CREATE = "/crm/v3/objects/quotes/batch/create";

function setup(faults: Partial<FaultSettings> = {}, seed = 42) {
  const clock = fakeClock();
  const slept: number[] = [];
  const sim = createSimulator({
    seed,
    clock: {
      ...clock,
      sleep: async (ms) => {
        slept.push(ms);
        await clock.advance(ms);
      },
    },
    faults,
  });
  return { sim, clock, slept };
}

const body = { inputs: [validQuoteInput("a"), validQuoteInput("b")] };

describe("faults on batch create", () => {
  it("locked → 423 with an Error body, nothing applied", async () => {
    const { sim } = setup({ lockedRate: 1 });
    const res = await call(sim, "POST", CREATE, body);
    expect(res.status).toBe(423);
    expect(ApiErrorBody.parse(res.json).category).toBe("LOCKED");
    expect(sim.createdQuotes()).toHaveLength(0);
  });

  it("failBeforeApply → 503, nothing applied", async () => {
    const { sim } = setup({ failBeforeApplyRate: 1 });
    const res = await call(sim, "POST", CREATE, body);
    expect(res.status).toBe(503);
    expect(sim.createdQuotes()).toHaveLength(0);
  });

  it("failAfterApply → 502, and the quotes really were stored", async () => {
    const { sim } = setup({ failAfterApplyRate: 1 });
    const res = await call(sim, "POST", CREATE, body);
    expect(res.status).toBe(502);
    ApiErrorBody.parse(res.json);
    expect(sim.createdQuotes().map((q) => q.objectWriteTraceId)).toEqual(["a", "b"]);
  });

  it("dropAfterApply → fetch rejects with a TypeError, and the quotes really were stored", async () => {
    const { sim } = setup({ dropAfterApplyRate: 1 });
    await expect(sim.fetch(simRequest("POST", CREATE, body))).rejects.toBeInstanceOf(TypeError);
    expect(sim.createdQuotes()).toHaveLength(2);
  });

  it("reads and other endpoints are never faulted", async () => {
    const { sim } = setup({ lockedRate: 1 });
    expect((await call(sim, "GET", "/crm/v3/properties/quotes")).status).toBe(200);
    expect((await call(sim, "POST", "/crm/v3/objects/deals/search", {})).status).toBe(200);
    const read = await call(sim, "POST", "/crm/v3/objects/quotes/batch/read", { inputs: [{ id: "1" }] });
    expect(read.status).toBe(207);
  });

  it("an after-apply fault does not turn a 400 into an unknown outcome", async () => {
    const { sim } = setup({ failAfterApplyRate: 1 });
    expect((await call(sim, "POST", CREATE, "{oops")).status).toBe(400);
  });

  it("fixed latency waits through the injected sleep on every request", async () => {
    const { sim, clock, slept } = setup({ latencyMs: 250 });
    const start = clock.now();
    await call(sim, "GET", "/crm/v3/properties/quotes");
    await call(sim, "POST", CREATE, body);
    expect(slept).toEqual([250, 250]);
    expect(clock.now() - start).toBe(500);
  });

  it("rates draw from the seed: the same seed gives the same sequence of outcomes", async () => {
    const outcomes = async (seed: number) => {
      const { sim } = setup({ lockedRate: 0.25, failBeforeApplyRate: 0.25, failAfterApplyRate: 0.25 }, seed);
      const statuses: number[] = [];
      for (let i = 0; i < 40; i++) {
        statuses.push(
          (await call(sim, "POST", CREATE, { inputs: [validQuoteInput(`r${i}`, {}, seed)] })).status,
        );
      }
      return statuses;
    };
    const first = await outcomes(7);
    expect(await outcomes(7)).toEqual(first);
    expect(new Set(first)).toEqual(new Set([201, 423, 502, 503]));
    expect(await outcomes(8)).not.toEqual(first);
  });

  it("setFaults, getFaults and reset", async () => {
    const { sim } = setup({ latencyMs: 10 });
    expect(sim.getFaults()).toEqual({ ...DEFAULT_FAULTS, latencyMs: 10 });
    sim.setFaults({ lockedRate: 1 });
    expect(sim.getFaults().lockedRate).toBe(1);
    expect((await call(sim, "POST", CREATE, body)).status).toBe(423);
    sim.setFaults({ lockedRate: 0 });
    expect((await call(sim, "POST", CREATE, body)).status).toBe(201);
    sim.reset();
    expect(sim.getFaults()).toEqual({ ...DEFAULT_FAULTS, latencyMs: 10 });
    expect(sim.createdQuotes()).toHaveLength(0);
  });

  it("the patch schema checks control input", () => {
    expect(FaultSettingsPatchSchema.safeParse({ lockedRate: 1.5 }).success).toBe(false);
    expect(FaultSettingsPatchSchema.parse({ failAfterApplyRate: 0.1 })).toEqual({ failAfterApplyRate: 0.1 });
  });

  it("stored quotes from an unknown outcome are what a retry duplicates", async () => {
    const { sim } = setup({ failAfterApplyRate: 1 });
    await call(sim, "POST", CREATE, body);
    sim.setFaults({ failAfterApplyRate: 0 });
    const retry = await call(sim, "POST", CREATE, body);
    expect(BatchResponse.parse(retry.json).results).toHaveLength(2);
    const traces = sim.createdQuotes().map((q) => q.objectWriteTraceId);
    expect(traces.filter((t) => t === "a")).toHaveLength(2);
  });
});

describe("faults strike every write endpoint", () => {
  async function quoteAndLine(sim: ReturnType<typeof setup>["sim"]) {
    const created = await call(sim, "POST", CREATE, { inputs: [validQuoteInput("q")] });
    const quoteId = BatchResponse.parse(created.json).results[0]?.id ?? "";
    const line = await call(sim, "POST", "/crm/v3/objects/line_items/batch/create", {
      inputs: [validLineItemInput("l", {}, quoteId)],
    });
    return { quoteId, lineId: BatchResponse.parse(line.json).results[0]?.id ?? "" };
  }

  it.each([
    [
      "line-item create",
      "/crm/v3/objects/line_items/batch/create",
      (ids: Ids) => ({ inputs: [validLineItemInput("x", {}, ids.quoteId)] }),
    ],
    [
      "quote update",
      "/crm/v3/objects/quotes/batch/update",
      (ids: Ids) => ({ inputs: [{ id: ids.quoteId, properties: { hs_title: "New" } }] }),
    ],
    [
      "quote archive",
      "/crm/v3/objects/quotes/batch/archive",
      (ids: Ids) => ({ inputs: [{ id: ids.quoteId }] }),
    ],
    [
      "line-item archive",
      "/crm/v3/objects/line_items/batch/archive",
      (ids: Ids) => ({ inputs: [{ id: ids.lineId }] }),
    ],
  ])("%s: 423 and 503 apply nothing; 502 and a dropped connection apply it", async (_name, path, body) => {
    for (const [fault, status] of [
      ["lockedRate", 423],
      ["failBeforeApplyRate", 503],
      ["failAfterApplyRate", 502],
    ] as const) {
      const { sim } = setup();
      const ids = await quoteAndLine(sim);
      const before = JSON.stringify([sim.createdQuotes(), sim.createdLineItems()]);
      sim.setFaults({ [fault]: 1 });
      const res = await call(sim, "POST", path, body(ids));
      expect(res.status).toBe(status);
      const after = JSON.stringify([sim.createdQuotes(), sim.createdLineItems()]);
      expect(after === before, `${fault} on ${path}`).toBe(status !== 502);
    }
    const { sim } = setup();
    const ids = await quoteAndLine(sim);
    sim.setFaults({ dropAfterApplyRate: 1 });
    await expect(sim.fetch(simRequest("POST", path, body(ids)))).rejects.toThrow(TypeError);
  });
});

type Ids = { quoteId: string; lineId: string };

describe("batch status faults (PENDING / PROCESSING / CANCELED)", () => {
  const inputs = {
    inputs: [validQuoteInput("a"), validQuoteInput("b"), validQuoteInput("c"), validQuoteInput("d")],
  };

  it("CANCELED: nothing applied, no results", async () => {
    const { sim } = setup({ canceledRate: 1 });
    const res = await call(sim, "POST", CREATE, inputs);
    const body = BatchResponse.parse(res.json);
    expect([body.status, body.results.length, sim.createdQuotes().length]).toEqual(["CANCELED", 0, 0]);
  });

  it("PENDING: applied, but no results reported", async () => {
    const { sim } = setup({ pendingRate: 1 });
    const body = BatchResponse.parse((await call(sim, "POST", CREATE, inputs)).json);
    expect([body.status, body.results.length, sim.createdQuotes().length]).toEqual(["PENDING", 0, 4]);
  });

  it("PROCESSING: applied, half the results reported", async () => {
    const { sim } = setup({ processingRate: 1 });
    const res = await call(sim, "POST", CREATE, inputs);
    expect(res.status).toBe(201);
    const body = BatchResponse.parse(res.json);
    expect([body.status, body.results.length, sim.createdQuotes().length]).toEqual(["PROCESSING", 2, 4]);
  });

  it("archive (204, no batch body) is not touched by them", async () => {
    const { sim } = setup({ pendingRate: 1 });
    const res = await call(sim, "POST", "/crm/v3/objects/quotes/batch/archive", { inputs: [{ id: "1" }] });
    expect(res.status).toBe(204);
  });

  it("rates that add up to more than 1 are named", () => {
    expect(faultRatesProblem({ pendingRate: 0.6, lockedRate: 0.6 })).toContain("add up to 1.2");
    expect(faultRatesProblem({ pendingRate: 0.5, lockedRate: 0.5 })).toBeUndefined();
  });
});
