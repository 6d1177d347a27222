import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNodeApp } from "./node-app.ts";
import { jsonResponse } from "./proxy-http.ts";
import { CONTENT_SECURITY_POLICY } from "./security-headers.ts";

let dist: string;
beforeAll(() => {
  dist = mkdtempSync(join(tmpdir(), "qbc-dist-"));
  mkdirSync(join(dist, "assets"));
  writeFileSync(join(dist, "index.html"), "<!doctype html><title>app</title>");
  writeFileSync(join(dist, "assets", "index-abc123.js"), "console.log(1)");
});
afterAll(() => rmSync(dist, { recursive: true, force: true }));

const api = async () => jsonResponse(200, { ok: true }, { "cache-control": "max-age=60" });
const authRoutes = async (request: Request) =>
  new URL(request.url).pathname === "/auth/login"
    ? new Response(null, { status: 303, headers: { location: "/x" } })
    : undefined;

describe("security headers", () => {
  it.each([
    "/",
    "/results",
    "/assets/index-abc123.js",
    "/assets/missing.js",
    "/api/health",
    "/auth/login",
    "/auth/nope",
  ])("are on %s", async (path) => {
    const response = await createNodeApp(api, dist, { authRoutes }).request(`http://127.0.0.1${path}`);
    expect(response.headers.get("content-security-policy")).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("same-origin");
  });

  it("never lets an API or sign-in answer be stored, whatever the handler said", async () => {
    const app = createNodeApp(api, dist, { authRoutes });
    expect((await app.request("http://127.0.0.1/api/health")).headers.get("cache-control")).toBe("no-store");
    expect((await app.request("http://127.0.0.1/auth/login")).headers.get("cache-control")).toBe("no-store");
    expect(
      (await app.request("http://127.0.0.1/assets/index-abc123.js")).headers.get("cache-control"),
    ).toContain("immutable");
  });
});
