import { z } from "zod";

const AppliedBatch = z.looseObject({
  results: z.array(z.unknown()),
  requestedAt: z.string().optional(),
  startedAt: z.string(),
});

/**
 * A batch write that was applied, answered as if HubSpot had not finished: PENDING reports no results yet,
 * PROCESSING only the first half of them; neither reports errors. Either way the client cannot tell what
 * was created from the answer and must read back (by the unique key) before sending anything again.
 */
export function batchStatusBody(applied: unknown, status: "pending" | "processing"): unknown {
  const parsed = AppliedBatch.safeParse(applied);
  if (!parsed.success) return applied;
  const { results, requestedAt, startedAt } = parsed.data;
  return {
    status: status === "pending" ? "PENDING" : "PROCESSING",
    results: status === "pending" ? [] : results.slice(0, Math.floor(results.length / 2)),
    ...(requestedAt ? { requestedAt } : {}),
    startedAt,
    completedAt: startedAt,
  };
}
