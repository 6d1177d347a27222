import { NOT_FORWARDED_HEADER } from "../../hubspot/endpoints.ts";
import type { SignedInUser } from "../identity.ts";
import { proxyError } from "../proxy-http.ts";
import { summariseAnswer } from "./answer.ts";
import type { Journal } from "./journal.ts";
import { traceIdsOf, type WriteRoute } from "./write-route.ts";

/** What one upstream attempt came to, as the proxy saw it. */
export type SendOutcome =
  | { kind: "answered"; status: number; headers: Headers; text: string }
  | { kind: "not-sent" | "unknown"; note: string };

export interface Sent {
  response: Response;
  outcome: SendOutcome;
}

export interface WriteContext {
  user: SignedInUser;
  request: Request;
  hubspotPath: string;
  route: WriteRoute;
  body: unknown;
}

export const SUBMISSION_ID_HEADER = "x-qbc-submission-id";
export const REQUEST_ID_HEADER = "x-qbc-request-id";

/** The browser's correlation ids, if they look like ids (a header is free text; the journal is not). */
function idHeader(headers: Headers, name: string): string | undefined {
  const value = headers.get(name)?.trim();
  return value && /^[\w.:-]{1,200}$/.test(value) ? value : undefined;
}

/**
 * Journals one CRM write around its upstream attempt: `sent` before it leaves (a write the journal cannot
 * record is not sent: who sent what must never go missing), then, once the reply is on its way, the answer
 * or why there was none.
 */
export async function journalWrite(
  journal: Journal,
  context: WriteContext,
  send: () => Promise<Sent>,
  log: (line: string) => void,
): Promise<Response> {
  const { request, route } = context;
  const traces = traceIdsOf(route.action, context.body);
  let id: string;
  try {
    id = await journal.recordSent({
      user: context.user,
      submissionId: idHeader(request.headers, SUBMISSION_ID_HEADER),
      requestId: idHeader(request.headers, REQUEST_ID_HEADER),
      method: request.method,
      path: context.hubspotPath,
      objectType: route.objectType,
      action: route.action,
      traceIds: traces.ids,
      inputCount: traces.count,
    });
  } catch (error) {
    log(`${request.method} ${context.hubspotPath} not sent: the journal failed: ${String(error)}`);
    const response = proxyError(
      "database-unavailable",
      "The server could not record this change in its journal, so it did not send it to HubSpot. It is safe to send again.",
    );
    response.headers.set(NOT_FORWARDED_HEADER, "1");
    return response;
  }
  const { response, outcome } = await send();
  // After the reply, not before: the browser has HubSpot's answer either way, and an answer the journal has
  // not recorded yet is retried, or left `sent` → "outcome unknown" if the process dies first.
  const at = Date.now();
  journal.later(
    `${request.method} ${context.hubspotPath}`,
    (j) =>
      outcome.kind === "answered"
        ? j.recordAnswer(id, summariseAnswer(outcome.status, outcome.headers, outcome.text), at)
        : j.recordNoAnswer(id, outcome.kind, outcome.note, at),
    log,
  );
  return response;
}
