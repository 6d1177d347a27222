import { z } from "zod";
import { hasRole } from "../identity.ts";
import type { Journal } from "../journal/journal.ts";
import type { ApiRoute } from "../proxy.ts";
import { jsonResponse, proxyError } from "../proxy-http.ts";
import { reconcileSubmission } from "./reconcile.ts";
import { SubmissionStateEnvelope } from "./submission-record.ts";
import type { Submissions } from "./submissions.ts";

const MAX_BODY_BYTES = 16 * 1024 * 1024;
const ONE_PATH = /^\/api\/submissions\/([\w.:-]{1,200})$/;
const RECONCILE_PATH = /^\/api\/submissions\/([\w.:-]{1,200})\/reconcile$/;

const ListQuery = z.object({
  user: z.string().min(1).max(320).optional(),
  from: z.coerce.number().int().nonnegative().optional(),
  to: z.coerce.number().int().nonnegative().optional(),
  /** One outcome, or several separated by commas ("not-sent,canceled"). */
  outcome: z
    .string()
    .max(200)
    .transform((value) => value.split(",").filter((part) => part !== ""))
    .pipe(z.array(z.string().min(1).max(40)).max(10))
    .optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});
const SaveBody = z.object({ state: SubmissionStateEnvelope });

/**
 * The team's History: `GET /api/submissions?user=&from=&to=&outcome=` (newest first, with how many match and
 * who has sent any), `GET /api/submissions/:id` (the full state) and `PUT /api/submissions/:id` `{ state }`.
 * Everyone signed in reads the team's (decision 062); only the owner or an admin changes one, and only
 * submitters record new ones. `POST /api/submissions/:id/reconcile` settles rows whose outcome is unknown
 * (decision 063). Roles per method are also checked by the API guard.
 */
export function submissionsApi(submissions: Submissions, journal?: Journal): ApiRoute {
  return async (request, url, user, tools) => {
    const admin = hasRole(user.role, "admin");
    const reconcileId = RECONCILE_PATH.exec(url.pathname)?.[1];
    if (reconcileId) {
      if (request.method !== "POST") return notAllowed(request.method, url.pathname);
      if (!hasRole(user.role, "submitter"))
        return proxyError("role-required", "Only submitters and admins reconcile submissions.");
      const result = await reconcileSubmission({
        id: reconcileId,
        user,
        admin,
        submissions,
        journal,
        hubspot: tools.hubspot,
      });
      if (result.kind === "not-found") return notFoundSubmission();
      if (result.kind === "not-owner")
        return proxyError(
          "role-required",
          "This submission was sent by someone else; only they or an admin can reconcile it.",
        );
      if (result.kind === "hubspot-failed")
        return proxyError(
          "upstream-unreachable",
          `HubSpot could not be asked which rows it has (${result.message}). Nothing was changed; try again.`,
        );
      const { kind: _kind, ...body } = result;
      return jsonResponse(200, body);
    }
    if (url.pathname === "/api/submissions") {
      if (request.method !== "GET") return notAllowed(request.method, url.pathname);
      const query = ListQuery.safeParse(Object.fromEntries(url.searchParams));
      if (!query.success) return badQuery(query.error);
      const { user: person, outcome, ...rest } = query.data;
      const { items, matched } = await submissions.list({
        ...rest,
        ...(person ? { ownerId: person } : {}),
        ...(outcome ? { outcomes: outcome } : {}),
      });
      return jsonResponse(200, { submissions: items, matched, people: await submissions.people() });
    }
    const id = ONE_PATH.exec(url.pathname)?.[1];
    if (!id) return url.pathname.startsWith("/api/submissions/") ? notFoundSubmission() : undefined;
    if (request.method === "GET") {
      const found = await submissions.load(id);
      if (!found) return notFoundSubmission();
      return jsonResponse(200, { state: found.state, owner: found.owner });
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
  return proxyError("not-found", "There is no such submission in the team's history.");
}

function badQuery(error: z.ZodError, lead = "The history query is not valid"): Response {
  const issue = error.issues[0];
  const where = issue?.path.length ? issue.path.join(".") : "query";
  return proxyError("bad-request", `${lead}: ${where}: ${issue?.message ?? "bad value"}.`);
}
