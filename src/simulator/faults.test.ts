import { describe, expect, it } from "vitest";
import { BatchResponse } from "../hubspot/batch-create.ts";
import { ApiErrorBody } from "../hubspot/errors.ts";
import { DEFAULT_FAULTS, FaultSettingsPatchSchema } from "./faults.ts";
import { createSimulator, type FaultSettings } from "./simulator.ts";
import { call, fakeClock, simRequest, validQuoteInput } from "./test-kit.ts";

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

describe("unfinished batch statuses", () => {
  it.each(["PENDING", "PROCESSING"] as const)(
    "%s: the quotes are stored, the 201 lists none yet",
    async (status) => {
      const { sim } = setup({ batchStatus: status });
      const res = await call(sim, "POST", CREATE, body);
      expect(res.status).toBe(201);
      expect(BatchResponse.parse(res.json)).toMatchObject({ status, results: [] });
      expect(sim.createdQuotes()).toHaveLength(2);
    },
  );

  it("CANCELED: nothing is stored and the 201 lists nothing", async () => {
    const { sim } = setup({ batchStatus: "CANCELED" });
    const res = await call(sim, "POST", CREATE, body);
    expect(BatchResponse.parse(res.json)).toMatchObject({ status: "CANCELED", results: [] });
    expect(sim.createdQuotes()).toHaveLength(0);
  });

  it("the setting is part of the fault schema the control endpoint accepts", () => {
    expect(FaultSettingsPatchSchema.safeParse({ batchStatus: "PROCESSING" }).success).toBe(true);
    expect(FaultSettingsPatchSchema.safeParse({ batchStatus: "DONE" }).success).toBe(false);
  });
});
