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
 * record is not sent: who sent what must never go missing), then the answer or why there was none.
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
  try {
    if (outcome.kind === "answered")
      await journal.recordAnswer(id, summariseAnswer(outcome.status, outcome.headers, outcome.text));
    else await journal.recordNoAnswer(id, outcome.kind, outcome.note);
  } catch (error) {
    // The write happened; the browser still gets HubSpot's answer. The entry stays `sent` → unknown later.
    log(`${request.method} ${context.hubspotPath}: the journal missed the answer: ${String(error)}`);
  }
  return response;
}
