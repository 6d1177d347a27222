import { headersOf, type SendResult } from "../domain/submission/send-result.ts";
import type { QueueRequest } from "../domain/submission/types.ts";
import type { BatchResponse, QuoteCreateInput } from "../hubspot/batch-create.ts";
import type { Clock } from "../platform/clock.ts";

/** What the fake does with one attempt; `apply` stores the quotes first (the answer can still be lost). */
export type FakeReply =
  | { kind: "ok" }
  | { kind: "status"; status: number; body?: unknown; headers?: Record<string, string>; apply?: boolean }
  | { kind: "drop"; apply: boolean; sent?: "no" | "maybe" }
  | { kind: "hang" };

export interface FakeHubspotOptions {
  clock: Clock;
  latencyMs?: number;
  /** A strict rolling window, like HubSpot's: excess requests get 429 TEN_SECONDLY_ROLLING. */
  limit?: { max: number; intervalMs: number };
  /** Decide per attempt (n counts every attempt, from 1). Default: ok. */
  script?: (request: QueueRequest, n: number) => FakeReply;
  /** Per-input validation: a message makes that input fail in a 207. */
  reject?: (input: QuoteCreateInput) => string | undefined;
  echoTraceIds?: boolean;
  /** Leave out the X-HubSpot-RateLimit-* headers (so the client cannot learn the real limit). */
  noRateHeaders?: boolean;
  shuffle?: boolean;
}

/** A tiny, scriptable stand-in for HubSpot's batch/create, for queue tests (the real simulator is separate). */
export function fakeHubspot(options: FakeHubspotOptions) {
  const created: { id: string; traceId: string | undefined; properties: Record<string, string> }[] = [];
  const arrivals: number[] = [];
  let attempts = 0;
  let nextId = 1000;
  const { clock } = options;

  const apply = (request: QueueRequest): BatchResponse => {
    const results: BatchResponse["results"] = [];
    const errors: NonNullable<BatchResponse["errors"]> = [];
    const at = new Date(clock.now()).toISOString();
    for (const input of request.inputs) {
      const problem = options.reject?.(input);
      if (problem) {
        errors.push({
          status: "error",
          category: "VALIDATION_ERROR",
          message: problem,
          context: input.objectWriteTraceId ? { objectWriteTraceId: [input.objectWriteTraceId] } : {},
        });
        continue;
      }
      const id = String(nextId++);
      created.push({ id, traceId: input.objectWriteTraceId, properties: input.properties });
      results.push({
        id,
        properties: { ...input.properties, hs_object_id: id },
        createdAt: at,
        updatedAt: at,
        archived: false,
        ...(options.echoTraceIds && input.objectWriteTraceId
          ? { objectWriteTraceId: input.objectWriteTraceId }
          : {}),
      });
    }
    if (options.shuffle) results.reverse();
    return {
      status: "COMPLETE",
      results,
      ...(errors.length > 0 ? { numErrors: errors.length, errors } : {}),
      requestedAt: at,
      startedAt: at,
      completedAt: at,
    };
  };

  const send = async (request: QueueRequest, signal: AbortSignal): Promise<SendResult> => {
    attempts += 1;
    const reply = options.script?.(request, attempts) ?? { kind: "ok" };
    const half = (options.latencyMs ?? 0) / 2;
    await clock.sleep(half);
    const now = clock.now();
    if (reply.kind === "drop" && reply.sent === "no")
      return { kind: "no-answer", sent: "no", message: { code: "unexpected", detail: "ECONNREFUSED" } };
    if (options.limit) {
      const { max, intervalMs } = options.limit;
      const recent = arrivals.filter((at) => at > now - intervalMs);
      arrivals.splice(0, arrivals.length, ...recent);
      if (recent.length >= max) {
        await clock.sleep(half);
        return answered(
          429,
          {
            status: "error",
            message: "You have reached your ten_secondly_rolling limit.",
            errorType: "RATE_LIMIT",
            correlationId: "c",
            policyName: "TEN_SECONDLY_ROLLING",
          },
          {},
        );
      }
      arrivals.push(now);
    }
    if (reply.kind === "hang") {
      await clock.sleep(10 * 60_000, signal);
      return { kind: "no-answer", sent: "maybe", message: { code: "stoppedBeforeAnswer" } };
    }
    let body: unknown;
    if (reply.kind === "ok") body = apply(request);
    else if (reply.kind === "drop" || reply.apply) apply(request);
    await clock.sleep(half);
    if (reply.kind === "drop")
      return { kind: "no-answer", sent: "maybe", message: { code: "connectionLost" } };
    if (reply.kind === "status") return answered(reply.status, reply.body ?? {}, reply.headers ?? {});
    const hasErrors = typeof body === "object" && body !== null && "errors" in body;
    return answered(hasErrors ? 207 : 201, body, {});
  };

  const answered = (status: number, body: unknown, headers: Record<string, string>): SendResult => {
    const max = options.limit?.max ?? 100;
    const used = arrivals.length;
    if (options.noRateHeaders) return { kind: "answered", status, body, headers: headersOf(headers) };
    return {
      kind: "answered",
      status,
      body,
      headers: headersOf({
        "x-hubspot-ratelimit-max": String(max),
        "x-hubspot-ratelimit-remaining": String(Math.max(0, max - used)),
        "x-hubspot-ratelimit-interval-milliseconds": String(options.limit?.intervalMs ?? 10_000),
        ...headers,
      }),
    };
  };

  return {
    send,
    created: () => created,
    attempts: () => attempts,
  };
}
