import { z } from "zod";
import { SubmissionState } from "../../domain/submission/types.ts";
import { requestJson } from "./client.ts";

/** `POST /api/submissions/:id/reconcile`: what the server settled, and the submission as it is now. */
export const ServerReconcile = z.object({
  state: SubmissionState,
  /** Rows HubSpot has (found by their unique key): created after all. */
  found: z.number().int(),
  /** Rows whose answer the server's journal had (the browser never got it). */
  fromJournal: z.number().int(),
  /** Rows HubSpot does not have: not created, safe to send again. */
  missing: z.array(z.string()),
  /** Rows without a unique key: a person must check them in HubSpot. */
  unverifiable: z.array(z.string()),
});
export type ServerReconcile = z.infer<typeof ServerReconcile>;

/**
 * Reconciles on the server, which knows what was sent (its journal) and asks HubSpot with its token: works
 * from any signed-in browser, whether or not this one sent the submission.
 */
export function reconcileSubmission(submissionId: string): Promise<ServerReconcile> {
  return requestJson(`/api/submissions/${encodeURIComponent(submissionId)}/reconcile`, ServerReconcile, {
    method: "POST",
  });
}
