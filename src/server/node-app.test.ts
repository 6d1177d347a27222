import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNodeApp } from "./node-app.ts";
import { jsonResponse } from "./proxy-http.ts";

let dist: string;
const proxy = async (request: Request) => jsonResponse(200, { proxied: new URL(request.url).pathname });

beforeAll(() => {
  dist = mkdtempSync(join(tmpdir(), "qbc-dist-"));
  mkdirSync(join(dist, "assets"));
  writeFileSync(join(dist, "index.html"), "<!doctype html><title>app</title>");
  writeFileSync(join(dist, "assets", "index-abc123.js"), "console.log(1)");
  writeFileSync(join(dist, "favicon.svg"), "<svg/>");
});
afterAll(() => rmSync(dist, { recursive: true, force: true }));

const get = (path: string) => createNodeApp(proxy, dist).request(`http://127.0.0.1${path}`);

describe("node app", () => {
  it("sends everything under /api to the proxy", async () => {
    const response = await get("/api/hubspot/crm/v3/properties/quotes");
    expect(await response.json()).toEqual({ proxied: "/api/hubspot/crm/v3/properties/quotes" });
  });

  it("serves hashed assets with their type and immutable caching", async () => {
    const response = await get("/assets/index-abc123.js");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("javascript");
    expect(response.headers.get("cache-control")).toContain("immutable");
  });

  it("revalidates other files and falls back to index.html for app routes", async () => {
    const icon = await get("/favicon.svg");
    expect(icon.headers.get("content-type")).toContain("image/svg+xml");
    expect(icon.headers.get("cache-control")).toBe("no-cache");
    const route = await get("/results/latest");
    expect(route.status).toBe(200);
    expect(await route.text()).toContain("<title>app</title>");
  });

  it("answers 404 for a missing asset instead of HTML, and refuses traversal", async () => {
    expect((await get("/assets/missing.js")).status).toBe(404);
    const traversal = await get("/..%2f..%2fetc/passwd");
    expect(await traversal.text()).not.toContain("root:");
  });

  it("says how to build when dist/ is missing, and still serves the API", async () => {
    const app = createNodeApp(proxy, join(dist, "nope"));
    const page = await app.request("http://127.0.0.1/");
    expect(page.status).toBe(503);
    expect(await page.text()).toContain("npm run build");
    expect((await app.request("http://127.0.0.1/api/health")).status).toBe(200);
  });
});
