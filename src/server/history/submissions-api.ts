import { z } from "zod";
import { hasRole } from "../identity.ts";
import type { ApiRoute } from "../proxy.ts";
import { jsonResponse, proxyError } from "../proxy-http.ts";
import { SubmissionStateEnvelope } from "./submission-record.ts";
import type { Submissions } from "./submissions.ts";

const MAX_BODY_BYTES = 16 * 1024 * 1024;
const ONE_PATH = /^\/api\/submissions\/([\w.:-]{1,200})$/;

const ListQuery = z.object({
  user: z.string().min(1).max(320).optional(),
  from: z.coerce.number().int().nonnegative().optional(),
  to: z.coerce.number().int().nonnegative().optional(),
  outcome: z.string().min(1).max(40).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});
const SaveBody = z.object({ state: SubmissionStateEnvelope });

/**
 * The team's History: `GET /api/submissions?user=&from=&to=&outcome=` (newest first), `GET /api/submissions/:id`
 * (the full state) and `PUT /api/submissions/:id` `{ state }`. Everyone reads their own; admins read
 * everyone's and may filter by `user`. Roles per method are also checked by the API guard.
 */
export function submissionsApi(submissions: Submissions): ApiRoute {
  return async (request, url, user) => {
    const admin = hasRole(user.role, "admin");
    if (url.pathname === "/api/submissions") {
      if (request.method !== "GET") return notAllowed(request.method, url.pathname);
      const query = ListQuery.safeParse(Object.fromEntries(url.searchParams));
      if (!query.success) return badQuery(query.error);
      const { user: person, ...rest } = query.data;
      const items = await submissions.list({
        ...rest,
        ...(admin ? (person ? { ownerId: person } : {}) : { ownerId: user.id }),
      });
      return jsonResponse(200, { submissions: items });
    }
    const id = ONE_PATH.exec(url.pathname)?.[1];
    if (!id) return url.pathname.startsWith("/api/submissions/") ? notFoundSubmission() : undefined;
    if (request.method === "GET") {
      const found = await submissions.load(id);
      if (!found || (!admin && found.ownerId !== user.id)) return notFoundSubmission();
      return jsonResponse(200, { state: found.state });
    }
    if (request.method !== "PUT") return notAllowed(request.method, url.pathname);
    if (!hasRole(user.role, "submitter"))
      return proxyError("role-required", "Only submitters and admins record submissions.");
    const text = await request.text();
    if (text.length > MAX_BODY_BYTES)
      return proxyError("too-large", "The submission is too large to record (over 16 MB).");
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return proxyError("bad-request", "The submission body is not valid JSON.");
    }
    const body = SaveBody.safeParse(json);
    if (!body.success) return badQuery(body.error, "The submission is not in the expected shape");
    if (body.data.state.id !== id)
      return proxyError("bad-request", "The submission's id does not match the address it was sent to.");
    const saved = await submissions.save(user, body.data.state, admin);
    if (saved === "not-owner")
      return proxyError(
        "role-required",
        "This submission was sent by someone else; only they or an admin can update it.",
      );
    return jsonResponse(200, { saved: true });
  };
}

function notAllowed(method: string, path: string): Response {
  return proxyError("not-found", `${method} ${path} is not an endpoint of this app's API.`);
}

function notFoundSubmission(): Response {
  return proxyError(
    "not-found",
    "There is no such submission in the team's history (or it is not yours to see).",
  );
}

function badQuery(error: z.ZodError, lead = "The history query is not valid"): Response {
  const issue = error.issues[0];
  const where = issue?.path.length ? issue.path.join(".") : "query";
  return proxyError("bad-request", `${lead}: ${where}: ${issue?.message ?? "bad value"}.`);
}
