import { describe, expect, it } from "vitest";
import { createSimulator } from "./simulator.ts";
import { call, fakeClock, seededCrm, validQuoteInput } from "./test-kit.ts";

async function transcript(seed: number) {
  const clock = fakeClock();
  const sim = createSimulator({ seed, clock, faults: { lockedRate: 0.3 } });
  const out: unknown[] = [];
  for (let i = 0; i < 6; i++) {
    const inputs = Array.from({ length: 10 }, (_, j) => validQuoteInput(`r${i}-${j}`, {}, seed));
    const res = await call(sim, "POST", "/crm/v3/objects/quotes/batch/create", { inputs });
    out.push(res.status, res.json, Object.fromEntries(res.headers));
    await clock.advance(100);
  }
  out.push((await call(sim, "POST", "/crm/v3/objects/deals/search", { query: "re" })).json);
  return out;
}

describe("determinism", () => {
  it("the same seed and clock give byte-identical responses", async () => {
    expect(JSON.stringify(await transcript(11))).toBe(JSON.stringify(await transcript(11)));
  });

  it("another seed gives another CRM and other shuffles", async () => {
    expect(seededCrm(1).deals[0]).not.toEqual(seededCrm(2).deals[0]);
    expect(JSON.stringify(await transcript(11))).not.toBe(JSON.stringify(await transcript(12)));
  });

  it("reset replays from the start", async () => {
    const clock = fakeClock();
    const sim = createSimulator({ clock });
    const body = { inputs: Array.from({ length: 10 }, (_, j) => validQuoteInput(`r${j}`)) };
    const first = await call(sim, "POST", "/crm/v3/objects/quotes/batch/create", body);
    sim.reset();
    const again = await call(sim, "POST", "/crm/v3/objects/quotes/batch/create", body);
    expect(again.json).toEqual(first.json);
  });
});
