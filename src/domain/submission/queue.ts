import type { Clock } from "../../platform/clock.ts";
import type { RowId } from "../batch/row.ts";
import { classify, type Verdict } from "./classify.ts";
import { decide, type QueueEntry, type QueuePolicy } from "./decide.ts";
import { DEFAULT_RATE_LIMIT, type RateLimit } from "./plan.ts";
import { RatePacer } from "./rate-pacer.ts";
import type { SendResult } from "./send-result.ts";
import type { QueueEvent, QueueRequest, StopReason } from "./types.ts";
import { Wake } from "./wake.ts";

export interface QueueOptions {
  requests: readonly QueueRequest[];
  /** One attempt at one request. Must not throw (a throw counts as "no answer, maybe sent"). */
  send: (request: QueueRequest, signal: AbortSignal) => Promise<SendResult>;
  clock: Clock;
  onEvent: (event: QueueEvent) => void;
  /** Requests in flight at once. Browsers open 6 connections per host. */
  concurrency?: number;
  rateLimit?: RateLimit;
  /** No answer by then: the rows' outcome is unknown (the request may have been applied). */
  timeoutMs?: number;
  /** Resends of a request known not to have reached HubSpot before giving up. */
  maxResends?: number;
  /** Asked after a dropped connection: is the server back? Sending pauses until it is. */
  probe?: () => Promise<boolean>;
  maxOfflineMs?: number;
  uniqueProperty?: string;
  /** Rows this submission may already have created (reconciled "unknown" rows sent again). */
  maybeCreated?: ReadonlySet<RowId>;
  rowNumberOf?: (rowId: RowId) => number | undefined;
  marginMs?: number;
}

export interface QueueHandle {
  done: Promise<{ stopped?: StopReason; canceled: boolean }>;
  /** Stops sending; requests in flight finish and are recorded; the rest become "canceled". */
  cancel(): void;
}

interface Entry extends QueueEntry {
  attempts: number;
  notBefore: number;
}

export const DEFAULT_TIMEOUT_MS = 120_000;

/** The submission queue: bounded concurrency, paced by the rate limit, resending only what is safe. */
export function runQueue(options: QueueOptions): QueueHandle {
  const { clock, onEvent } = options;
  const concurrency = Math.max(1, options.concurrency ?? 6);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxResends = options.maxResends ?? 5;
  const maxOfflineMs = options.maxOfflineMs ?? 120_000;
  const pacer = new RatePacer(options.rateLimit ?? DEFAULT_RATE_LIMIT, options.marginMs);
  const wake = new Wake();
  const stopSleeping = new AbortController();
  const waiting: Entry[] = options.requests.map((request) => ({
    request,
    attempts: 0,
    resends: 0,
    notBefore: 0,
  }));
  let inFlight = 0;
  let canceled = false;
  let stopped: StopReason | undefined;
  let offlineSince: number | undefined;
  let pacing = false;

  const stop = (reason: StopReason) => {
    if (stopped || canceled) return;
    stopped = reason;
    onEvent({ type: "stopped", reason, at: clock.now() });
  };

  const nap = async (ms: number) => {
    const napping = new AbortController();
    const onStop = () => napping.abort();
    stopSleeping.signal.addEventListener("abort", onStop, { once: true });
    await Promise.race([clock.sleep(ms, napping.signal), wake.wait()]);
    napping.abort();
    stopSleeping.signal.removeEventListener("abort", onStop);
  };

  const setPacing = (value: boolean, until?: number) => {
    if (value === pacing) return;
    pacing = value;
    onEvent(
      value
        ? { type: "pacing", waiting: true, until, at: clock.now() }
        : { type: "pacing", waiting: false, at: clock.now() },
    );
  };

  const policy: QueuePolicy = {
    maxResends,
    uniqueProperty: options.uniqueProperty,
    maybeCreated: options.maybeCreated,
    rowNumberOf: options.rowNumberOf,
  };

  const settle = (entry: Entry, verdict: Verdict, httpStatus: number | undefined, now: number) => {
    const requestId = entry.request.id;
    const decision = decide(entry, verdict, policy);
    if (decision.kind === "requeue") {
      if (decision.pauseAll) pacer.pause(now + decision.waitMs);
      if (decision.countsAsResend) entry.resends += 1;
      entry.notBefore = now + decision.waitMs;
      waiting.unshift(entry);
      onEvent({
        type: "waiting",
        requestId,
        reason: decision.reason,
        ms: decision.waitMs,
        at: now,
        note: decision.note,
        ...(httpStatus === undefined ? {} : { httpStatus }),
      });
      return;
    }
    const { kind: _, stop: stopReason, offline, ...settled } = decision;
    onEvent({ type: "settled", requestId, at: now, ...settled });
    if (stopReason) stop(stopReason);
    if (offline && options.probe && offlineSince === undefined) offlineSince = now;
  };

  const attempt = async (entry: Entry) => {
    entry.attempts += 1;
    onEvent({ type: "sending", requestId: entry.request.id, attempt: entry.attempts, at: clock.now() });
    const abortSend = new AbortController();
    const stopTimer = new AbortController();
    const answer = await Promise.race([
      options.send(entry.request, abortSend.signal).catch(
        (error: unknown): SendResult => ({
          kind: "no-answer",
          sent: "maybe",
          message: { code: "unexpected", detail: String(error) },
        }),
      ),
      clock.sleep(timeoutMs, stopTimer.signal).then((): "timed-out" => "timed-out"),
    ]);
    stopTimer.abort();
    let result: SendResult;
    if (answer === "timed-out") {
      abortSend.abort();
      result = {
        kind: "no-answer",
        sent: "maybe",
        message: { code: "noAnswerWithin", seconds: Math.round(timeoutMs / 1000) },
      };
    } else result = answer;
    const now = clock.now();
    if (result.kind === "answered") pacer.observe(result.headers, now);
    const status = result.kind === "answered" ? result.status : undefined;
    settle(entry, classify(result, now, pacer.rateLimit.intervalMs), status, now);
  };

  const probeUntilBack = async () => {
    let delay = 1000;
    while (!canceled && !stopped && offlineSince !== undefined) {
      const back = await options.probe!().catch(() => false);
      if (back) {
        offlineSince = undefined;
        return;
      }
      if (clock.now() - offlineSince >= maxOfflineMs) {
        return stop({ kind: "server-unreachable", message: { code: "serverStopped" } });
      }
      await nap(delay);
      delay = Math.min(delay * 2, 10_000);
    }
  };

  const flushUnsent = (outcome: "canceled" | "not-sent") => {
    if (waiting.length === 0) return;
    const requestIds = waiting.splice(0).map((entry) => entry.request.id);
    onEvent({ type: "unsent", requestIds, outcome, at: clock.now() });
  };

  const loop = async () => {
    for (;;) {
      if (canceled || stopped) {
        setPacing(false);
        flushUnsent(canceled ? "canceled" : "not-sent");
        if (inFlight === 0) break;
        await wake.wait();
        continue;
      }
      if (waiting.length === 0) {
        if (inFlight === 0) break;
        await wake.wait();
        continue;
      }
      if (inFlight >= concurrency) {
        await wake.wait();
        continue;
      }
      if (offlineSince !== undefined) {
        await probeUntilBack();
        continue;
      }
      const now = clock.now();
      const index = waiting.findIndex((entry) => entry.notBefore <= now);
      const delay = pacer.delay(now);
      if (index < 0 || delay > 0) {
        const soonest = Math.min(...waiting.map((entry) => entry.notBefore));
        const ms = Math.max(delay, index < 0 ? soonest - now : 0);
        setPacing(delay > 0, now + ms);
        await nap(ms);
        continue;
      }
      setPacing(false);
      const [entry] = waiting.splice(index, 1);
      inFlight += 1;
      pacer.noteSend(now);
      void attempt(entry!).finally(() => {
        inFlight -= 1;
        wake.notify();
      });
    }
    return stopped ? { stopped, canceled } : { canceled };
  };

  return {
    done: loop(),
    cancel() {
      if (canceled) return;
      canceled = true;
      stopSleeping.abort();
      wake.notify();
    },
  };
}
