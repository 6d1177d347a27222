import { z } from "zod";
import type { Prng } from "./prng.ts";

const Rate = z.number().min(0).max(1);

/** Fault settings, as a schema so env parsing and a control endpoint can check them. */
export const FaultSettingsSchema = z.object({
  latencyMs: z.number().int().min(0).max(60_000),
  failBeforeApplyRate: Rate,
  failAfterApplyRate: Rate,
  dropAfterApplyRate: Rate,
  lockedRate: Rate,
  dailyLimitReached: z.boolean(),
  /**
   * The batch status every batch/create answers with. PENDING and PROCESSING: the quotes are stored but the
   * 201 lists none of them yet; CANCELED: nothing is stored and the 201 lists nothing.
   */
  batchStatus: z.enum(["COMPLETE", "PENDING", "PROCESSING", "CANCELED"]),
});
export const FaultSettingsPatchSchema = FaultSettingsSchema.partial();

export const DEFAULT_FAULTS = {
  latencyMs: 0,
  failBeforeApplyRate: 0,
  failAfterApplyRate: 0,
  dropAfterApplyRate: 0,
  lockedRate: 0,
  dailyLimitReached: false,
  batchStatus: "COMPLETE",
} as const;

/** What one write request suffers. `after*` faults happen once the quotes are stored. */
export type FaultDraw = "none" | "locked" | "failBeforeApply" | "failAfterApply" | "dropAfterApply";

interface Rates {
  lockedRate: number;
  failBeforeApplyRate: number;
  failAfterApplyRate: number;
  dropAfterApplyRate: number;
}

/**
 * One uniform draw per write request, laid over the rates end to end, so a request gets at most
 * one fault and the sequence of outcomes depends only on the seed and the number of writes.
 */
export function drawFault(prng: Prng, rates: Rates): FaultDraw {
  const roll = prng.next();
  let edge = 0;
  const bands: [FaultDraw, number][] = [
    ["locked", rates.lockedRate],
    ["failBeforeApply", rates.failBeforeApplyRate],
    ["failAfterApply", rates.failAfterApplyRate],
    ["dropAfterApply", rates.dropAfterApplyRate],
  ];
  for (const [fault, rate] of bands) {
    edge += rate;
    if (roll < edge) return fault;
  }
  return "none";
}
