import type { BatchStatus } from "../../hubspot/batch-create.ts";

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
