import { describe, expect, it } from "vitest";
import { jsonResponse } from "../proxy-http.ts";
import { parseAuthEnv } from "./auth-config.ts";
import { createAuthLayer } from "./create-auth.ts";

const proxy = async (request: Request, context?: { user: unknown }) =>
  jsonResponse(200, { path: new URL(request.url).pathname, user: context?.user });

function layer(env: Record<string, string>, host = "0.0.0.0") {
  const parsed = parseAuthEnv(env, host);
  if (!parsed.ok) throw new Error(parsed.problems.join("\n"));
  return createAuthLayer({ auth: parsed.auth, proxy });
}

const headerMode = () =>
  layer({
    AUTH_MODE: "proxy-header",
    SUBMITTER_EMAILS: "sam@example.com",
    AUTH_TRUSTED_PROXIES: "10.0.0.5,127.0.0.0/8",
  });

describe("proxy-header sign-in", () => {
  it("believes the header from a trusted proxy, including an IPv4-mapped address", async () => {
    const app = headerMode();
    const request = new Request("http://quotes.internal/api/me", {
      headers: { "X-Forwarded-Email": "sam@example.com" },
    });
    const me = await app.api(request, { remoteAddress: "::ffff:10.0.0.5" });
    expect(me.status).toBe(200);
    expect((await me.json()).user).toEqual({ id: "sam@example.com", role: "submitter" });
    // The page gets its CSRF token as a readable cookie.
    expect(me.headers.get("set-cookie")).toMatch(/^qbc_csrf=[\w-]+; Path=\/; Max-Age=\d+; SameSite=Lax$/);
  });

  it("ignores the same header from anyone else: 401", async () => {
    const app = headerMode();
    const request = new Request("http://quotes.internal/api/hubspot/crm/v3/properties/quotes", {
      headers: { "X-Forwarded-Email": "ada@example.com" },
    });
    const response = await app.api(request, { remoteAddress: "192.168.1.20" });
    expect(response.status).toBe(401);
    expect((await response.json()).category).toBe("UNAUTHENTICATED");
    expect(response.headers.get("x-proxy-not-forwarded")).toBe("1");
    expect((await app.api(request, {})).status).toBe(401);
  });

  it("needs the CSRF token and a same-origin page for writes", async () => {
    const app = headerMode();
    const headers = { "X-Forwarded-Email": "sam@example.com" };
    const me = await app.api(new Request("http://quotes.internal/api/me", { headers }), {
      remoteAddress: "10.0.0.5",
    });
    const csrf = /qbc_csrf=([^;]+)/.exec(me.headers.get("set-cookie") ?? "")?.[1] ?? "";
    const create = "http://quotes.internal/api/hubspot/crm/v3/objects/quotes/batch/create";
    const send = (extra: Record<string, string>) =>
      app.api(new Request(create, { method: "POST", body: "{}", headers: { ...headers, ...extra } }), {
        remoteAddress: "10.0.0.5",
      });
    expect((await send({})).status).toBe(403);
    expect((await send({ "x-qbc-csrf": "wrong" })).status).toBe(403);
    expect((await send({ "x-qbc-csrf": csrf, "sec-fetch-site": "cross-site" })).status).toBe(403);
    expect((await send({ "x-qbc-csrf": csrf, origin: "https://evil.example" })).status).toBe(403);
    // Behind TLS termination the page is https while the request URL says http: hosts are compared.
    const ok = await send({
      "x-qbc-csrf": csrf,
      origin: "https://quotes.internal",
      "sec-fetch-site": "same-origin",
    });
    expect(ok.status).toBe(200);
    expect((await ok.json()).user).toEqual({ id: "sam@example.com", role: "submitter" });
  });

  it("checks the role of every route: a viewer reads but cannot submit, a submitter cannot archive", async () => {
    const app = headerMode();
    const call = async (email: string, method: string, path: string) => {
      const headers = { "X-Forwarded-Email": email };
      const me = await app.api(new Request("http://q/api/me", { headers }), { remoteAddress: "127.0.0.1" });
      const csrf = /qbc_csrf=([^;]+)/.exec(me.headers.get("set-cookie") ?? "")?.[1] ?? "";
      const request = new Request(`http://q${path}`, {
        method,
        headers: { ...headers, "x-qbc-csrf": csrf },
        body: method === "GET" ? undefined : "{}",
      });
      const response = await app.api(request, { remoteAddress: "127.0.0.1" });
      bodies.push(response.status === 403 ? await response.json() : undefined);
      return response.status;
    };
    const bodies: unknown[] = [];
    expect(await call("vic@example.com", "GET", "/api/hubspot/crm/v3/properties/quotes")).toBe(200);
    expect(await call("vic@example.com", "POST", "/api/hubspot/crm/v3/objects/deals/search")).toBe(200);
    expect(await call("vic@example.com", "POST", "/api/hubspot/crm/v3/objects/quotes/batch/create")).toBe(
      403,
    );
    expect(await call("sam@example.com", "POST", "/api/hubspot/crm/v3/objects/quotes/batch/create")).toBe(
      200,
    );
    expect(await call("sam@example.com", "POST", "/api/hubspot/crm/v3/objects/quotes/batch/archive")).toBe(
      403,
    );
    expect(await call("sam@example.com", "POST", "/api/simulator/faults")).toBe(403);
    expect(await call("sam@example.com", "GET", "/api/simulator/faults")).toBe(403);
    // The page words the refusal in its own language from these (src/lib/api/api-error.ts).
    expect(bodies[2]).toMatchObject({
      category: "MISSING_ROLE",
      context: { role: ["viewer"], needed: ["submitter"] },
    });
    expect(bodies[4]).toMatchObject({ context: { role: ["submitter"], needed: ["admin"] } });
  });
});

describe("OIDC mode without a session", () => {
  const app = () =>
    layer(
      {
        AUTH_MODE: "oidc",
        OIDC_ISSUER_URL: "https://id.example.com",
        OIDC_CLIENT_ID: "qbc",
        OIDC_CLIENT_SECRET: "secret",
        PUBLIC_URL: "https://quotes.example.com",
      },
      "0.0.0.0",
    );

  it("gives a DNS-rebinding page nothing: another name in Host and Origin is refused before anything else", async () => {
    const rebinding = new Request("http://attacker.example/api/hubspot/crm/v3/objects/quotes/batch/create", {
      method: "POST",
      body: "{}",
      headers: { origin: "http://attacker.example" },
    });
    const response = await app().api(rebinding, { remoteAddress: "127.0.0.1" });
    expect(response.status).toBe(403);
    for (const path of ["/api/health", "/api/simulator/faults", "/api/hubspot/crm/v3/properties/quotes"]) {
      expect((await app().api(new Request(`http://attacker.example${path}`))).status).toBe(403);
    }
  });

  it("answers 401 on its own name without a session, and refuses a forged session cookie", async () => {
    expect((await app().api(new Request("https://quotes.example.com/api/me"))).status).toBe(401);
    const forged = new Request("https://quotes.example.com/api/me", {
      headers: { cookie: "__Host-qbc_session=eyJzaWQiOiJ4In0.bad" },
    });
    expect((await app().api(forged)).status).toBe(401);
  });
});

describe("without sign-in (loopback)", () => {
  it("is the local admin and needs no CSRF token (the Host and Origin checks of the proxy guard it)", async () => {
    const app = layer({}, "127.0.0.1");
    const me = await app.api(new Request("http://127.0.0.1:4173/api/me"));
    expect(await me.json()).toEqual({
      user: { id: "local", name: "This computer", role: "admin" },
      auth: "none",
      canSignOut: false,
    });
    const reset = await app.api(new Request("http://127.0.0.1:4173/api/simulator/reset", { method: "POST" }));
    expect(reset.status).toBe(200);
  });
});
