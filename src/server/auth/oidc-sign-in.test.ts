import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestProvider, TEST_CLIENT, type TestProvider } from "../../../e2e/oidc/test-provider.ts";
import { jsonResponse } from "../proxy-http.ts";
import { parseAuthEnv } from "./auth-config.ts";
import { type AuthLayer, createAuthLayer } from "./create-auth.ts";

const APP = "http://127.0.0.1:5998";
let provider: TestProvider;

beforeAll(async () => {
  provider = await startTestProvider({ port: 0, redirectUris: [`${APP}/auth/callback`] });
});
afterAll(() => provider.close());

function layer(extra: Record<string, string> = {}): AuthLayer {
  const parsed = parseAuthEnv(
    {
      AUTH_MODE: "oidc",
      OIDC_ISSUER_URL: provider.issuer,
      OIDC_CLIENT_ID: TEST_CLIENT.id,
      OIDC_CLIENT_SECRET: TEST_CLIENT.secret,
      PUBLIC_URL: APP,
      SUBMITTER_EMAILS: "sam@example.com",
      ADMIN_EMAILS: "ada@example.com",
      OIDC_ROLES_CLAIM: "groups",
      OIDC_SUBMITTER_GROUPS: "sales-ops",
      OIDC_SCOPES: "openid email profile groups",
      ...extra,
    },
    "127.0.0.1",
  );
  if (!parsed.ok) throw new Error(parsed.problems.join("\n"));
  const proxy = async (_request: Request, context?: { user: unknown }) =>
    jsonResponse(200, { forwardedFor: context?.user });
  return createAuthLayer({ auth: parsed.auth, proxy });
}

/** A browser in miniature: a cookie jar per origin, and manual redirects so each hop can be checked. */
class Browser {
  private readonly jar = new Map<string, Map<string, string>>();

  remember(url: string, response: Response) {
    const origin = new URL(url).origin;
    const cookies = this.jar.get(origin) ?? new Map<string, string>();
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1);
      if (/max-age=0/i.test(line) || value === "") cookies.delete(name);
      else cookies.set(name, value);
    }
    this.jar.set(origin, cookies);
  }

  cookieHeader(url: string): string {
    const cookies = this.jar.get(new URL(url).origin) ?? new Map();
    return [...cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  cookie(url: string, name: string): string | undefined {
    return this.jar.get(new URL(url).origin)?.get(name);
  }

  async request(app: AuthLayer, url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    const cookie = this.cookieHeader(url);
    if (cookie) headers.set("cookie", cookie);
    const request = new Request(url, { ...init, headers, redirect: "manual" });
    const response = url.startsWith(APP)
      ? ((await app.routes(request)) ?? (await app.api(request)))
      : await fetch(request);
    this.remember(url, response);
    return response;
  }
}

/** Follows the provider's pages: its login form (any password), then its consent form, back to the app. */
async function signIn(app: AuthLayer, browser: Browser, login: string): Promise<Response> {
  let response = await browser.request(app, `${APP}/auth/login?returnTo=/%23history`);
  expect(response.status).toBe(303);
  let url = new URL(response.headers.get("location") ?? "", APP).href;
  expect(url.startsWith(provider.issuer)).toBe(true);
  expect(new URL(url).searchParams.get("code_challenge_method")).toBe("S256");
  for (let hop = 0; hop < 12; hop++) {
    if (url.startsWith(APP)) return browser.request(app, url);
    response = await browser.request(app, url);
    if (response.status >= 300 && response.status < 400) {
      url = new URL(response.headers.get("location") ?? "", url).href;
      continue;
    }
    const html = await response.text();
    const action = /action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`The provider's page has no form: ${html.slice(0, 200)}`);
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1] ?? "login";
    const form = new URLSearchParams({ prompt, login, password: "any" });
    const target = new URL(action.replaceAll("&amp;", "&"), url).href;
    response = await browser.request(app, target, { method: "POST", body: form });
    url = new URL(response.headers.get("location") ?? "", target).href;
  }
  throw new Error("Too many redirects");
}

describe("OIDC sign-in against a real provider", () => {
  it("signs in with code + PKCE, returns to the page asked for, and knows the person and role", async () => {
    const app = layer();
    const browser = new Browser();
    const done = await signIn(app, browser, "sam");
    expect(done.status).toBe(303);
    expect(done.headers.get("location")).toBe("/#history");
    const setCookies = done.headers.getSetCookie().join("\n");
    expect(setCookies).toMatch(/qbc_session=[^;]+; Path=\/; Max-Age=28800; SameSite=Lax; HttpOnly/);

    const me = await browser.request(app, `${APP}/api/me`);
    expect(await me.json()).toEqual({
      user: { id: "sam@example.com", name: "Sam Submitter", role: "submitter" },
      auth: "oidc",
      canSignOut: true,
    });
  });

  it("gives roles from the groups claim and from the admin list", async () => {
    const app = layer();
    const gus = new Browser();
    await signIn(app, gus, "gus");
    expect((await (await gus.request(app, `${APP}/api/me`)).json()).user.role).toBe("submitter");
    const ada = new Browser();
    await signIn(app, ada, "ada");
    expect((await (await ada.request(app, `${APP}/api/me`)).json()).user.role).toBe("admin");
    const vic = new Browser();
    await signIn(app, vic, "vic");
    expect((await (await vic.request(app, `${APP}/api/me`)).json()).user.role).toBe("viewer");
  });

  it("refuses a person without a verified e-mail address", async () => {
    const done = await signIn(layer(), new Browser(), "nat");
    expect(done.headers.get("location")).toBe("/?sign-in-error=no-email");
  });

  it("forwards writes with the CSRF token and the identity, refuses them without it or without the role", async () => {
    const app = layer();
    const browser = new Browser();
    await signIn(app, browser, "sam");
    const create = `${APP}/api/hubspot/crm/v3/objects/quotes/batch/create`;
    const csrf = browser.cookie(APP, "qbc_csrf") ?? "";
    expect(csrf).not.toBe("");

    const forged = await browser.request(app, create, { method: "POST", body: "{}" });
    expect(forged.status).toBe(403);
    expect((await forged.json()).category).toBe("CSRF_REJECTED");

    const sent = await browser.request(app, create, {
      method: "POST",
      body: "{}",
      headers: { "x-qbc-csrf": csrf },
    });
    expect(await sent.json()).toEqual({
      forwardedFor: { id: "sam@example.com", name: "Sam Submitter", role: "submitter" },
    });

    const archive = await browser.request(app, `${APP}/api/hubspot/crm/v3/objects/quotes/batch/archive`, {
      method: "POST",
      body: "{}",
      headers: { "x-qbc-csrf": csrf },
    });
    expect(archive.status).toBe(403);
    expect((await archive.json()).category).toBe("MISSING_ROLE");
  });

  it("signs out: the cookies are cleared and the API answers 401", async () => {
    const app = layer();
    const browser = new Browser();
    await signIn(app, browser, "sam");
    const out = await browser.request(app, `${APP}/auth/logout`, { method: "POST" });
    expect(out.status).toBe(200);
    expect((await browser.request(app, `${APP}/api/me`)).status).toBe(401);
  });

  it("rejects a callback whose login state cookie is missing (a replayed or foreign redirect)", async () => {
    const app = layer();
    const response = await app.routes(new Request(`${APP}/auth/callback?code=abc&state=def`));
    expect(response?.headers.get("location")).toBe("/?sign-in-error=expired");
  });
});
