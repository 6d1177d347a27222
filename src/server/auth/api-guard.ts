import { NOT_FORWARDED_HEADER, SIGN_IN_HEADER } from "../../hubspot/endpoints.ts";
import { hasRole } from "../identity.ts";
import { originHost } from "../origin-host.ts";
import type { ProxyHandler } from "../proxy.ts";
import { jsonResponse, type ProxyErrorKind, proxyError } from "../proxy-http.ts";
import type { AuthConfig } from "./auth-config.ts";
import type { Authenticator, Caller } from "./authenticator.ts";
import { readCookie } from "./cookies.ts";
import { requiredRole } from "./route-roles.ts";
import type { Sessions } from "./sessions.ts";

export const CSRF_HEADER = "x-qbc-csrf";
export { SIGN_IN_HEADER };

/** Where the connection came from (the socket's peer), for trusting a reverse proxy's identity header. */
export interface Connection {
  remoteAddress?: string | undefined;
}

export type ApiHandler = (request: Request, connection?: Connection) => Promise<Response>;

export interface ApiGuardOptions {
  auth: AuthConfig;
  authenticate: Authenticator;
  sessions: Sessions | undefined;
  proxy: ProxyHandler;
  log?: (line: string) => void;
}

const READ_METHODS = new Set(["GET", "HEAD"]);

/**
 * Everything under `/api` passes here first: who is calling (401 if nobody we believe), `GET /api/me`, then
 * for writes the Origin, Fetch-Metadata and CSRF token checks, then the route's role (403), then the proxy with
 * the caller's identity. Refusals say "not forwarded", so the submission queue knows a resend is safe.
 */
export function createApiGuard(options: ApiGuardOptions): ApiHandler {
  const { auth, authenticate, sessions, proxy } = options;
  // Behind a TLS-terminating proxy the request URL says http: compare hosts, not whole origins.
  const expectedHost = auth.mode === "none" ? undefined : auth.publicUrl?.host;

  const refuse = (
    kind: ProxyErrorKind,
    request: Request,
    message: string,
    context?: Record<string, string[]>,
  ) => {
    // Not being signed in yet is routine; a refused write or a wrong host is worth a line.
    if (kind !== "unauthenticated")
      options.log?.(`${request.method} ${new URL(request.url).pathname} refused (${kind}): ${message}`);
    const response = proxyError(kind, message, context);
    response.headers.set(NOT_FORWARDED_HEADER, "1");
    return response;
  };

  function me(caller: Caller, request: Request): Response {
    const headers: Record<string, string> = {};
    // proxy-header mode has no session cookie of ours: the CSRF cookie is handed out here instead.
    if (auth.mode === "proxy-header" && sessions && caller.csrfSubject) {
      const current = readCookie(request, sessions.csrfCookie);
      if (current !== sessions.csrfToken(caller.csrfSubject))
        headers["set-cookie"] = sessions.csrfCookieFor(caller.csrfSubject);
    }
    return jsonResponse(
      200,
      { user: caller.user, auth: auth.mode, canSignOut: auth.mode === "oidc" },
      headers,
    );
  }

  return async function guard(request, connection) {
    const url = new URL(request.url);
    const path = url.pathname;
    // With sign-in on, the server knows its own name: a DNS-rebinding page (another name in Host) gets nothing.
    if (auth.mode === "oidc" && url.host !== auth.publicUrl.host)
      return refuse(
        "forbidden",
        request,
        `unexpected host ${url.host}; open the app at ${auth.publicUrl.origin}`,
      );

    const caller = authenticate(request, connection?.remoteAddress);
    if (!caller) {
      const message =
        auth.mode === "proxy-header"
          ? "You are not signed in: this server only believes the sign-in header from its reverse proxy. Open the app through the company sign-in address."
          : "You are not signed in, or your session has ended. Sign in and try again.";
      const response = refuse("unauthenticated", request, message);
      // Tells the page where signing in starts (only this app can sign in with OIDC; a reverse proxy signs in itself).
      if (auth.mode === "oidc") response.headers.set(SIGN_IN_HEADER, "/auth/login");
      return response;
    }
    if (path === "/api/me" && request.method === "GET") return me(caller, request);

    if (!READ_METHODS.has(request.method) && caller.csrfSubject && sessions) {
      const problem = foreignWrite(request, url, expectedHost);
      if (problem)
        return refuse("forbidden", request, `This API only answers the app's own pages (${problem}).`);
      const token = request.headers.get(CSRF_HEADER) ?? "";
      if (!sameSecret(token, sessions.csrfToken(caller.csrfSubject)))
        return refuse(
          "csrf",
          request,
          "The page's security token is missing or out of date. Reload the page and try again.",
        );
    }

    const needed = requiredRole(request.method, path);
    if (!hasRole(caller.user.role, needed))
      return refuse(
        "role-required",
        request,
        `${caller.user.id} is signed in as ${caller.user.role}; this needs the ${needed} role. Ask an admin of this app for it.`,
        { role: [caller.user.role], needed: [needed] },
      );
    return proxy(request, { user: caller.user });
  };
}

/** Fetch Metadata and Origin: a write must come from a page of this origin, whatever cookies it carries. */
function foreignWrite(request: Request, url: URL, expectedHost: string | undefined): string | undefined {
  const site = request.headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin") return `${site} request`;
  const origin = request.headers.get("origin");
  if (origin !== null && originHost(origin) !== (expectedHost ?? url.host)) return "cross-origin request";
  return undefined;
}

/** Constant-time string equality (no `node:crypto`: the guard also runs in the browser's msw worker). */
function sameSecret(given: string, expected: string): boolean {
  let difference = given.length ^ expected.length;
  for (let i = 0; i < expected.length; i++) difference |= (given.charCodeAt(i) || 0) ^ expected.charCodeAt(i);
  return difference === 0;
}
