import type { BatchStatus } from "../../hubspot/batch-create.ts";

/** What each batch status HubSpot can answer means for the rows of that request (shown in Requests). */
export const BATCH_STATUS_MEANING: Record<BatchStatus, string> = {
  COMPLETE: "HubSpot finished this request: every row it carried has its outcome.",
  PENDING:
    "HubSpot accepted this request but had not started it when it answered: rows it does not list are unknown. Reconcile them later to see whether HubSpot created them.",
  PROCESSING:
    "HubSpot was still working on this request when it answered: rows it does not list yet are unknown. Reconcile them to see what it created.",
  CANCELED:
    "HubSpot canceled this request: rows it lists were created; the others are unknown. Reconcile them before sending them again.",
};

/** The message of a row a batch answer does not account for. */
export function unaccountedMessage(status: BatchStatus): string {
  switch (status) {
    case "COMPLETE":
      return "HubSpot's answer does not say whether this quote was created. Reconcile it before sending it again.";
    case "PENDING":
      return "HubSpot queued this request (status PENDING) and had not created this quote yet when it answered. Reconcile it later, before sending it again.";
    case "PROCESSING":
      return "HubSpot was still processing this request (status PROCESSING) when it answered. Reconcile this row to see whether the quote was created.";
    case "CANCELED":
      return "HubSpot canceled this request (status CANCELED) before reporting this quote. Reconcile it before sending it again.";
  }
}
