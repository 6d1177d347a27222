import type { SubmissionState } from "./types.ts";

const OPEN_PHASES = new Set(["queued", "sending", "waiting"]);
/** A round trip to assume before any answer came. */
const FIRST_GUESS_MS = 300;

/**
 * How long the requests still open will take. Each needs a slot in HubSpot's rolling window, and the slots
 * of the last `max` sends are taken until they leave it: with 1,000 rows (10 requests) left right after a
 * full window, that is most of 10 s, not "under a second". Concurrency bounds how fast they go out.
 * `undefined` when all that is left is waiting for answers that take longer than usual.
 */
export function remainingMs(state: SubmissionState, now: number, concurrency: number): number | undefined {
  const open = state.requests.filter((r) => OPEN_PHASES.has(r.phase));
  if (open.length === 0) return 0;
  const answered = state.requests.flatMap((r) => r.tries).filter((t) => t.answeredAt !== undefined);
  const latency = answered.length
    ? answered.reduce((sum, t) => sum + (t.answeredAt! - t.sentAt), 0) / answered.length
    : FIRST_GUESS_MS;
  const { max, intervalMs } = state.rateLimit;
  // Every send of this submission still inside the window holds a slot.
  const sends = state.requests
    .flatMap((r) => r.tries.map((t) => t.sentAt))
    .filter((at) => at > now - intervalMs)
    .sort((a, b) => a - b);
  const slots = [...sends];
  let finish = now;
  let overdue = false;
  let lane = 0;
  const lanes = Array.from({ length: Math.max(1, concurrency) }, () => now);
  for (const request of open) {
    const inFlight = request.phase === "sending" ? request.tries.at(-1)?.sentAt : undefined;
    if (inFlight !== undefined) {
      // Out longer than answers usually take: when it comes back is not known (see the return).
      if (inFlight + latency < now) overdue = true;
      else finish = Math.max(finish, inFlight + latency);
      continue;
    }
    const windowFree = slots.length >= max ? slots[slots.length - max]! + intervalMs : now;
    const waitUntil = Math.max(windowFree, state.rateLimitWaitUntil ?? now, lanes[lane]!);
    slots.push(waitUntil);
    lanes[lane] = waitUntil + latency;
    lane = (lane + 1) % lanes.length;
    finish = Math.max(finish, waitUntil + latency);
  }
  // Only answers still owed are left, later than usual: "under a second" would be a guess that keeps failing.
  if (overdue && finish <= now) return undefined;
  return Math.max(0, finish - now);
}
