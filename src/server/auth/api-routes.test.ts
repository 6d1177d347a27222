import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALLOWED_ROUTES, PROXY_PREFIX } from "../../hubspot/endpoints.ts";
import { createSimulator, SIMULATOR_TOKEN } from "../../simulator/simulator.ts";
import type { Database } from "../db/database.ts";
import { migrate } from "../db/migrations.ts";
import { openPglite } from "../db/pglite-database.ts";
import { Submissions } from "../history/submissions.ts";
import { submissionsApi } from "../history/submissions-api.ts";
import { hasRole, type Role } from "../identity.ts";
import { Journal } from "../journal/journal.ts";
import { journalApi } from "../journal/journal-api.ts";
import { createNodeApp } from "../node-app.ts";
import { createProxy } from "../proxy.ts";
import { parseAuthEnv } from "./auth-config.ts";
import { createAuthLayer } from "./create-auth.ts";
import { requiredRole } from "./route-roles.ts";
import { Sessions } from "./sessions.ts";

/**
 * Every `/api/*` route the server answers, through the whole stack `main.ts` builds (the Node app, OIDC
 * sign-in, the proxy and its own endpoints, the simulator): who may call it, and that every write needs the
 * CSRF token. A new route must be added here (the HubSpot allow-list is checked for it).
 */
const ROUTES: readonly [method: string, path: string, role: Role][] = [
  ["GET", `${PROXY_PREFIX}/crm/v3/properties/quotes`, "viewer"],
  ["POST", `${PROXY_PREFIX}/crm/v3/objects/quotes/batch/create`, "submitter"],
  ["POST", `${PROXY_PREFIX}/crm/v3/objects/quotes/batch/update`, "admin"],
  ["POST", `${PROXY_PREFIX}/crm/v3/objects/quotes/batch/archive`, "admin"],
  ["POST", `${PROXY_PREFIX}/crm/v3/objects/line_items/batch/create`, "submitter"],
  ["POST", `${PROXY_PREFIX}/crm/v3/objects/line_items/batch/archive`, "admin"],
  ["POST", `${PROXY_PREFIX}/crm/v3/objects/quotes/batch/read`, "viewer"],
  ["POST", `${PROXY_PREFIX}/crm/v4/associations/quotes/line_items/batch/read`, "viewer"],
  ["GET", `${PROXY_PREFIX}/crm/v3/objects/quote_templates`, "viewer"],
  ["GET", `${PROXY_PREFIX}/account-info/v3/details`, "viewer"],
  ["GET", `${PROXY_PREFIX}/crm/v4/associations/quotes/deals/labels`, "viewer"],
  ["GET", `${PROXY_PREFIX}/crm/associations/v4/quotes/deals/labels`, "viewer"],
  ["POST", `${PROXY_PREFIX}/crm/v3/objects/deals/search`, "viewer"],
  ["GET", "/api/health", "viewer"],
  ["GET", "/api/journal", "viewer"],
  ["GET", "/api/submissions", "viewer"],
  ["GET", "/api/submissions/s-1", "viewer"],
  ["PUT", "/api/submissions/s-1", "submitter"],
  ["POST", "/api/submissions/s-1/reconcile", "submitter"],
  ["GET", "/api/simulator/faults", "admin"],
  ["POST", "/api/simulator/faults", "admin"],
  ["POST", "/api/simulator/reset", "admin"],
  ["GET", "/api/simulator/quotes", "admin"],
  ["GET", "/api/simulator/line-items", "admin"],
  // Not endpoints: a read is a viewer's 404, a write fails closed (admin) before it is a 404.
  ["GET", "/api/nothing-here", "viewer"],
  ["POST", "/api/nothing-here", "admin"],
];

const SECRET = "api-routes-test-session-secret-0123456789";
const ORIGIN = "http://127.0.0.1:4173";
const PEOPLE: Record<Role, string> = {
  viewer: "val@example.com",
  submitter: "sam@example.com",
  admin: "ada@example.com",
};

let db: Database;
let app: ReturnType<typeof createNodeApp>;
const sessions = new Sessions({ secret: SECRET, maxAgeSeconds: 3_600, secure: false, now: Date.now });

beforeAll(async () => {
  db = await openPglite(undefined);
  await migrate(db);
  const journal = new Journal(db, "test");
  const simulator = createSimulator({ rateLimitPerTenSeconds: 1_000 });
  const proxy = createProxy({
    upstream: (request) => simulator.fetch(request),
    upstreamName: "simulator",
    token: SIMULATOR_TOKEN,
    perTenSeconds: 1_000,
    simulatorControl: simulator,
    journal,
    routes: [journalApi(journal), submissionsApi(new Submissions(db), journal)],
  });
  const parsed = parseAuthEnv(
    {
      AUTH_MODE: "oidc",
      // Never contacted: the callers below arrive signed in.
      OIDC_ISSUER_URL: "http://127.0.0.1:9",
      OIDC_CLIENT_ID: "test",
      OIDC_CLIENT_SECRET: "test-secret",
      PUBLIC_URL: ORIGIN,
      SESSION_SECRET: SECRET,
      SUBMITTER_EMAILS: PEOPLE.submitter,
      ADMIN_EMAILS: PEOPLE.admin,
    },
    "0.0.0.0",
  );
  if (!parsed.ok) throw new Error(parsed.problems.join("\n"));
  const layer = createAuthLayer({ auth: parsed.auth, proxy });
  app = createNodeApp(layer.api, "/nonexistent-dist", { authRoutes: layer.routes });
}, 60_000);
afterAll(() => db.close());

/** A browser's request from the app's own page: the session cookie and, unless left out, the CSRF token. */
function call(method: string, path: string, who?: Role, options: { csrf?: boolean } = {}) {
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "sec-fetch-site": "same-origin",
  };
  if (who) {
    const cookies = sessions.start({ email: PEOPLE[who] }).map((header) => header.split(";")[0] ?? "");
    headers.cookie = cookies.join("; ");
    const csrf = cookies.find((cookie) => cookie.startsWith("qbc_csrf="))?.slice("qbc_csrf=".length);
    if (csrf && options.csrf !== false) headers["x-qbc-csrf"] = csrf;
  }
  const body = method === "GET" ? undefined : "{}";
  return app.fetch(new Request(`${ORIGIN}${path}`, { method, headers, body }));
}

describe("every /api route", () => {
  it("is listed here: each route of the HubSpot allow-list has a row", () => {
    for (const route of ALLOWED_ROUTES) {
      const listed = ROUTES.some(
        ([method, path]) =>
          method === route.method &&
          path.startsWith(`${PROXY_PREFIX}/`) &&
          route.pattern.test(path.slice(PROXY_PREFIX.length)),
      );
      expect(listed, `${route.method} ${route.pattern}`).toBe(true);
    }
  });

  it.each(ROUTES)(
    "%s %s needs the %s role, and nobody signed out gets anything",
    async (method, path, role) => {
      expect(requiredRole(method, path)).toBe(role);
      const signedOut = await call(method, path);
      expect(signedOut.status).toBe(401);
      expect(signedOut.headers.get("x-proxy-not-forwarded")).toBe("1");
      expect(signedOut.headers.get("cache-control")).toBe("no-store");
      for (const who of ["viewer", "submitter", "admin"] as const) {
        const response = await call(method, path, who);
        const body = await response.text();
        if (hasRole(who, role)) expect([401, 403], `${who}: ${body}`).not.toContain(response.status);
        else {
          expect(response.status, who).toBe(403);
          expect(JSON.parse(body).category, who).toBe("MISSING_ROLE");
        }
        expect(response.headers.get("cache-control"), who).toBe("no-store");
      }
    },
  );

  const writes = ROUTES.filter(([method]) => method !== "GET");
  it.each(writes)(
    "%s %s is refused without the page's CSRF token, or from another site",
    async (method, path) => {
      const response = await call(method, path, "admin", { csrf: false });
      expect(response.status).toBe(403);
      expect((await response.json()).category).toBe("CSRF_REJECTED");
      const crossSite = await app.fetch(
        new Request(`${ORIGIN}${path}`, {
          method,
          body: "{}",
          headers: {
            cookie: sessions
              .start({ email: PEOPLE.admin })
              .map((header) => header.split(";")[0] ?? "")
              .join("; "),
            "sec-fetch-site": "cross-site",
          },
        }),
      );
      expect(crossSite.status).toBe(403);
    },
  );
});
