import { mutationOptions } from "@tanstack/react-query";
import type { SendResult } from "../../domain/submission/send-result.ts";
import type { QuoteCreateInput } from "../../hubspot/batch-create.ts";
import { hubspotPaths, PROXY_PREFIX } from "../../hubspot/endpoints.ts";
import { ApiError } from "./api-error.ts";
import { sendRaw } from "./client.ts";

export const batchCreateKeys = {
  all: ["hubspot", "quotes", "batch-create"] as const,
  request: (submissionId: string, requestId: string) =>
    [...batchCreateKeys.all, submissionId, requestId] as const,
};

export interface BatchCreateVariables {
  inputs: readonly QuoteCreateInput[];
  /** Quotes (default) or their line items: the same input shape and the same create rules. */
  target?: "quotes" | "line_items";
  signal?: AbortSignal;
  /** Journalled by the server with the request (who sent which submission's which request). */
  correlation?: { submissionId: string; requestId: string };
}

/**
 * One `batch/create` attempt. Never throws: a 201/207/4xx/429/5xx comes back with its status, headers and
 * body for the submission queue to judge, and no answer at all is "maybe sent" — in a browser a refused
 * connection and a dropped one look the same, and a create must not be repeated on a guess.
 */
export function sendBatchCreate({
  inputs,
  target,
  signal,
  correlation,
}: BatchCreateVariables): Promise<SendResult> {
  const path = target === "line_items" ? hubspotPaths.lineItemsBatchCreate : hubspotPaths.quotesBatchCreate;
  return sendHubspot(path, { inputs }, signal, correlation);
}

/**
 * Any HubSpot POST of a submission (create, update, read, archive) as an answer or "no answer, maybe sent";
 * never throws.
 */
export async function sendHubspot(
  path: string,
  body: unknown,
  signal?: AbortSignal,
  correlation?: { submissionId: string; requestId: string },
): Promise<SendResult> {
  try {
    const raw = await sendRaw(`${PROXY_PREFIX}${path}`, {
      method: "POST",
      body,
      signal,
      ...(correlation ? { correlation } : {}),
    });
    return { kind: "answered", status: raw.status, headers: raw.headers, body: raw.json };
  } catch (error) {
    return {
      kind: "no-answer",
      sent: "maybe",
      message: { code: error instanceof ApiError ? "connectionLost" : "stoppedBeforeAnswer" },
    };
  }
}

/** The mutation each submission request runs (the queue drives them; the query layer never retries). */
export function batchCreateMutation(submissionId: string, requestId: string) {
  return mutationOptions({
    mutationKey: batchCreateKeys.request(submissionId, requestId),
    mutationFn: sendBatchCreate,
    retry: false,
  });
}
