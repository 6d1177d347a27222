import { mutationOptions } from "@tanstack/react-query";
import { BatchResponse } from "../../hubspot/batch-create.ts";
import type { BatchReadRequest } from "../../hubspot/batch-read.ts";
import { hubspotPaths, PROXY_PREFIX } from "../../hubspot/endpoints.ts";
import { ApiError } from "./api-error.ts";
import { sendRaw, toHttpError } from "./client.ts";

export const batchReadKeys = { all: ["hubspot", "quotes", "batch-read"] as const };

/**
 * `batch/read`, typically by a unique-value property (`idProperty`) to find which quotes exist. A 207 is a
 * normal answer here: ids that match nothing come back as errors, and the results are what was found.
 */
export async function batchReadQuotes(
  request: BatchReadRequest,
  signal?: AbortSignal,
): Promise<BatchResponse> {
  const raw = await sendRaw(`${PROXY_PREFIX}${hubspotPaths.quotesBatchRead}`, {
    method: "POST",
    body: request,
    signal,
  });
  if (raw.status !== 200 && raw.status !== 207) throw toHttpError(raw);
  const parsed = BatchResponse.safeParse(raw.json);
  if (!parsed.success)
    throw new ApiError("contract", "HubSpot's batch/read answer could not be read.", raw.status);
  return parsed.data;
}

export function batchReadMutation() {
  return mutationOptions({
    mutationKey: batchReadKeys.all,
    mutationFn: (request: BatchReadRequest) => batchReadQuotes(request),
    retry: false,
  });
}
