import { z } from "zod";
import { hasRole } from "../identity.ts";
import type { ApiRoute } from "../proxy.ts";
import { jsonResponse, proxyError } from "../proxy-http.ts";
import type { Journal } from "./journal.ts";
import { JournalState } from "./journal-entry.ts";

const Query = z.object({
  submissionId: z.string().min(1).max(200).optional(),
  state: z
    .string()
    .transform((value) => value.split(","))
    .pipe(z.array(JournalState))
    .optional(),
  user: z.string().min(1).max(320).optional(),
  limit: z.coerce.number().int().min(1).max(10_000).optional(),
});

/**
 * `GET /api/journal?submissionId=&state=sent,unknown&user=`: the server's record of CRM writes, newest
 * first. Everyone signed in reads their own; admins read everyone's (and may filter by `user`).
 */
export function journalApi(journal: Journal): ApiRoute {
  return async (request, url, user) => {
    if (url.pathname !== "/api/journal") return undefined;
    if (request.method !== "GET")
      return proxyError("not-found", `${request.method} /api/journal is not an endpoint of this app's API.`);
    const query = Query.safeParse(Object.fromEntries(url.searchParams));
    if (!query.success) {
      const issue = query.error.issues[0];
      return proxyError(
        "bad-request",
        `The journal query is not valid: ${String(issue?.path[0] ?? "query")}: ${issue?.message ?? "bad value"}.`,
      );
    }
    const admin = hasRole(user.role, "admin");
    const entries = await journal.list({
      ...(query.data.submissionId ? { submissionId: query.data.submissionId } : {}),
      ...(query.data.state ? { states: query.data.state } : {}),
      ...(query.data.limit ? { limit: query.data.limit } : {}),
      ...(admin ? (query.data.user ? { userId: query.data.user } : {}) : { userId: user.id }),
    });
    return jsonResponse(200, { entries });
  };
}
