import { MutationObserver, type QueryClient } from "@tanstack/react-query";
import { batchCreateMutation, sendHubspot } from "../api/batch-create-quotes.ts";
import { batchReadQuotes } from "../api/batch-read-quotes.ts";
import type { SubmissionRunner } from "./submission-store.ts";

/**
 * Each batch/create request of a submission runs as its own react-query mutation (key
 * `["hubspot","quotes","batch-create", submissionId, requestId]`), so the query layer sees every request;
 * the queue decides what happens next. Mutations never retry by themselves.
 */
export function browserRunner(queryClient: QueryClient): SubmissionRunner {
  return {
    send: (submissionId, request, signal) =>
      new MutationObserver(queryClient, {
        ...batchCreateMutation(submissionId, request.id),
        gcTime: 60_000,
      }).mutate({
        inputs: request.inputs,
        ...(request.target ? { target: request.target } : {}),
        signal,
        correlation: { submissionId, requestId: request.id },
      }),
    call: (submissionId, requestId, path, body, signal) =>
      sendHubspot(path, body, signal, { submissionId, requestId }),
    probe: async () => {
      try {
        return (await fetch("/api/health", { cache: "no-store" })).ok;
      } catch {
        return false;
      }
    },
    read: (request) => batchReadQuotes(request),
  };
}
