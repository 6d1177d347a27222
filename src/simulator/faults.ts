import { z } from "zod";
import type { Prng } from "./prng.ts";

const Rate = z.number().min(0).max(1);

/** The shares of write requests that fault; one draw per write picks at most one of them. */
export const FAULT_RATE_NAMES = [
  "lockedRate",
  "failBeforeApplyRate",
  "failAfterApplyRate",
  "dropAfterApplyRate",
  "canceledRate",
  "pendingRate",
  "processingRate",
] as const;
export type FaultRateName = (typeof FAULT_RATE_NAMES)[number];

/** Fault settings, as a schema so env parsing and a control endpoint can check them. */
export const FaultSettingsSchema = z.object({
  latencyMs: z.number().int().min(0).max(60_000),
  failBeforeApplyRate: Rate,
  failAfterApplyRate: Rate,
  dropAfterApplyRate: Rate,
  lockedRate: Rate,
  /** Batch writes answered `status: CANCELED` with no results; nothing applied. */
  canceledRate: Rate,
  /** Batch writes applied but answered `status: PENDING` with no results yet. */
  pendingRate: Rate,
  /** Batch writes applied but answered `status: PROCESSING` with only part of the results. */
  processingRate: Rate,
  dailyLimitReached: z.boolean(),
});
export type FaultSettings = z.infer<typeof FaultSettingsSchema>;
/** What the control endpoint accepts: any subset, and nothing else. */
export const FaultSettingsPatchSchema = z.strictObject(FaultSettingsSchema.shape).partial();
export type FaultSettingsPatch = z.infer<typeof FaultSettingsPatchSchema>;

export const DEFAULT_FAULTS: FaultSettings = {
  latencyMs: 0,
  failBeforeApplyRate: 0,
  failAfterApplyRate: 0,
  dropAfterApplyRate: 0,
  lockedRate: 0,
  canceledRate: 0,
  pendingRate: 0,
  processingRate: 0,
  dailyLimitReached: false,
};

/**
 * The rates are shares of the same writes laid end to end, so together they cannot exceed 1. Returns a
 * message naming them when they do.
 */
export function faultRatesProblem(rates: Partial<Record<FaultRateName, number>>): string | undefined {
  const used = FAULT_RATE_NAMES.filter((name) => (rates[name] ?? 0) > 0);
  const sum = used.reduce((total, name) => total + (rates[name] ?? 0), 0);
  if (sum <= 1 + 1e-9) return undefined;
  const listed = used.map((name) => `${name} ${rates[name]}`).join(" + ");
  return `The fault rates add up to ${Math.round(sum * 1000) / 1000} (${listed}); each write suffers at most one fault, so they must add up to 1 or less.`;
}

/** What one write request suffers. `after*`, pending and processing happen once the write is applied. */
export type FaultDraw = "none" | DrawnFault;
type DrawnFault =
  | "locked"
  | "failBeforeApply"
  | "failAfterApply"
  | "dropAfterApply"
  | "canceled"
  | "pending"
  | "processing";

const BANDS: readonly [DrawnFault, FaultRateName][] = [
  ["locked", "lockedRate"],
  ["failBeforeApply", "failBeforeApplyRate"],
  ["failAfterApply", "failAfterApplyRate"],
  ["dropAfterApply", "dropAfterApplyRate"],
  ["canceled", "canceledRate"],
  ["pending", "pendingRate"],
  ["processing", "processingRate"],
];

/**
 * One uniform draw per write request, laid over the rates end to end, so a request gets at most
 * one fault and the sequence of outcomes depends only on the seed and the number of writes.
 */
export function drawFault(prng: Prng, rates: Record<FaultRateName, number>): FaultDraw {
  const roll = prng.next();
  let edge = 0;
  for (const [fault, name] of BANDS) {
    edge += rates[name];
    if (roll < edge) return fault;
  }
  return "none";
}
