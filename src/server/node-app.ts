import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono } from "hono";
import type { ProxyHandler } from "./proxy.ts";

const IMMUTABLE = "public, max-age=31536000, immutable";

/**
 * The HTTP app: the proxy under `/api/*`, the built SPA from `distDir` (hashed `/assets/*` cached forever,
 * everything else revalidated), and `index.html` for any other GET so client-side routes survive a reload.
 */
export function createNodeApp(proxy: ProxyHandler, distDir: string): Hono {
  const app = new Hono();
  app.all("/api/*", (c) => proxy(c.req.raw));
  app.all("/api", (c) => proxy(c.req.raw));

  const indexPath = join(distDir, "index.html");
  if (!existsSync(indexPath)) {
    app.get("*", (c) =>
      c.text("The app is not built yet: run `npm run build` (or `npm start`, which builds first).", 503),
    );
    return app;
  }

  app.use(
    "*",
    serveStatic({
      root: distDir,
      onFound: (path, c) => {
        const isAsset = path.startsWith(join(distDir, "assets"));
        c.header("cache-control", isAsset ? IMMUTABLE : "no-cache");
      },
    }),
  );
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
