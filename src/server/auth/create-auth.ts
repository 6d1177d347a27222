import type { ProxyHandler } from "../proxy.ts";
import { jsonResponse } from "../proxy-http.ts";
import { type ApiHandler, createApiGuard } from "./api-guard.ts";
import type { AuthConfig } from "./auth-config.ts";
import { createAuthenticator } from "./authenticator.ts";
import { createOidcRoutes } from "./oidc-routes.ts";
import { Sessions } from "./sessions.ts";

export interface AuthLayer {
  /** `/api/*`: identity, CSRF and roles in front of the proxy. */
  api: ApiHandler;
  /** `/auth/*` (sign-in, callback, sign-out); `undefined` for a path it does not serve. */
  routes: (request: Request) => Promise<Response | undefined>;
  /** Fetches the identity provider's metadata now, so a wrong issuer shows at start (OIDC only). */
  warmUp: () => Promise<void>;
}

export interface AuthLayerOptions {
  auth: AuthConfig;
  proxy: ProxyHandler;
  now?: () => number;
  log?: (line: string) => void;
}

/** The sign-in layer's composition root: one `Sessions`, one authenticator, the guard and the routes. */
export function createAuthLayer(options: AuthLayerOptions): AuthLayer {
  const { auth, proxy, now = Date.now, log = () => undefined } = options;
  const sessions =
    auth.mode === "none"
      ? undefined
      : new Sessions({
          secret: auth.sessionSecret,
          maxAgeSeconds: auth.sessionSeconds,
          secure: auth.publicUrl?.protocol === "https:",
          now,
        });
  const api = createApiGuard({
    auth,
    authenticate: createAuthenticator(auth, sessions),
    sessions,
    proxy,
    log,
  });
  const oidc =
    auth.mode === "oidc" && sessions ? createOidcRoutes({ config: auth, sessions, now, log }) : undefined;

  async function routes(request: Request): Promise<Response | undefined> {
    const { pathname } = new URL(request.url);
    if (pathname === "/auth/logout" && request.method === "POST" && sessions) {
      // Forced sign-out is a nuisance, not a breach; Fetch Metadata is enough to stop other sites doing it.
      const site = request.headers.get("sec-fetch-site");
      if (site !== null && site !== "same-origin")
        return jsonResponse(403, {
          status: "error",
          category: "FORBIDDEN",
          message: "Sign out from the app.",
        });
      const headers = new Headers({
        "content-type": "application/json; charset=utf-8",
        "cache-control": "no-store",
      });
      for (const cookie of sessions.end()) headers.append("set-cookie", cookie);
      return new Response(JSON.stringify({ ok: true }), { status: 200, headers });
    }
    return oidc?.handle(request);
  }

  return {
    api,
    routes,
    warmUp: async () => {
      await oidc?.discover();
    },
  };
}
