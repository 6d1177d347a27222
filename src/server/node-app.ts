import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { getConnInfo } from "@hono/node-server/conninfo";
import { serveStatic } from "@hono/node-server/serve-static";
import { type Context, Hono } from "hono";
import type { ApiHandler } from "./auth/api-guard.ts";
import { applySecurityHeaders } from "./security-headers.ts";

const IMMUTABLE = "public, max-age=31536000, immutable";

export interface NodeAppOptions {
  /** Sign-in routes under `/auth/*`. */
  authRoutes?: (request: Request) => Promise<Response | undefined>;
}

/** The socket's peer; absent when the app is called without a Node server (tests). */
function remoteAddress(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined;
  }
}

/**
 * The HTTP app: the proxy under `/api/*`, the built SPA from `distDir` (hashed `/assets/*` cached forever,
 * everything else revalidated), and `index.html` for any other GET so client-side routes survive a reload.
 */
export function createNodeApp(api: ApiHandler, distDir: string, options: NodeAppOptions = {}): Hono {
  const app = new Hono();
  // First, so it wraps every answer: API, sign-in, files, fallbacks and errors alike.
  app.use("*", async (c, next) => {
    await next();
    try {
      applySecurityHeaders(c.res.headers, c.req.path);
    } catch {
      // A response with immutable headers (e.g. straight from fetch) is copied; assigning `undefined` first
      // stops Hono from merging the old headers back over ours.
      const response = new Response(c.res.body, c.res);
      applySecurityHeaders(response.headers, c.req.path);
      c.res = undefined;
      c.res = response;
    }
  });
  app.all("/api/*", (c) => api(c.req.raw, { remoteAddress: remoteAddress(c) }));
  app.all("/api", (c) => api(c.req.raw, { remoteAddress: remoteAddress(c) }));
  const authRoutes = options.authRoutes;
  app.all("/auth/*", async (c) => (await authRoutes?.(c.req.raw)) ?? c.text("Not found", 404));

  const indexPath = join(distDir, "index.html");
  if (!existsSync(indexPath)) {
    app.get("*", (c) =>
      c.text("The app is not built yet: run `npm run build` (or `npm start`, which builds first).", 503),
    );
    return app;
  }

  // Caching is decided after the file is found, on the response itself (not in serveStatic's onFound hook,
  // whose headers do not reach every Response implementation).
  app.use("*", async (c, next) => {
    await next();
    if (c.res.status !== 200) return;
    c.res = new Response(c.res.body, c.res);
    c.res.headers.set("cache-control", c.req.path.startsWith("/assets/") ? IMMUTABLE : "no-cache");
  });
  app.use("*", serveStatic({ root: distDir }));
  // A missing hashed asset must not turn into index.html (the browser would try to run HTML as JS).
  app.get("/assets/*", (c) => c.text("Not found", 404));
  app.get("*", (c) => {
    // Read per request: a rebuild while the server runs must not serve stale asset names.
    const html = readFileSync(indexPath, "utf8");
    c.header("cache-control", "no-cache");
    return c.html(html);
  });
  return app;
}
