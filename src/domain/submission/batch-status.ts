import type { BatchStatus } from "../../hubspot/batch-create.ts";
import type { LeafMessage } from "./submission-message.ts";

/** The message of a row a batch answer does not account for. */
export function unaccountedMessage(batchStatus: BatchStatus): LeafMessage {
  return { code: "unaccounted", batchStatus };
}
