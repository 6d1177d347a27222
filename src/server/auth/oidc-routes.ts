import * as client from "openid-client";
import { z } from "zod";
import type { AuthConfig } from "./auth-config.ts";
import { readCookie, serializeCookie } from "./cookies.ts";
import { isLoopbackUrl } from "./loopback.ts";
import { groupRole, groupsFromClaim } from "./roles.ts";
import type { Sessions } from "./sessions.ts";
import { signValue, verifyValue } from "./signed-value.ts";

type OidcConfig = Extract<AuthConfig, { mode: "oidc" }>;

export interface OidcRoutesOptions {
  config: OidcConfig;
  sessions: Sessions;
  now: () => number;
  log: (line: string) => void;
}

/** What the browser carries from `/auth/login` to `/auth/callback`: the PKCE verifier, state and nonce. */
const LoginState = z.object({
  state: z.string(),
  nonce: z.string(),
  verifier: z.string(),
  returnTo: z.string(),
  exp: z.number(),
});

const LOGIN_MINUTES = 10;

/** Why a sign-in did not complete, passed to the page as `?sign-in-error=` (the page words it). */
export type SignInError = "expired" | "denied" | "no-email" | "failed";

/**
 * `GET /auth/login` → the identity provider (authorization code + PKCE), `GET /auth/callback` → session cookie,
 * `POST /auth/logout` → cookies cleared. The provider's metadata is discovered on first use and kept; a failed
 * discovery is retried on the next sign-in instead of keeping the server down.
 */
export function createOidcRoutes(options: OidcRoutesOptions) {
  const { config, sessions, now, log } = options;
  const redirectUri = new URL("/auth/callback", config.publicUrl).href;
  const secure = config.publicUrl.protocol === "https:";
  const loginCookie = `${secure ? "__Host-" : ""}qbc_oidc`;
  let discovered: Promise<client.Configuration> | undefined;

  function discover(): Promise<client.Configuration> {
    discovered ??= client
      .discovery(config.issuer, config.clientId, undefined, client.ClientSecretBasic(config.clientSecret), {
        // Only a provider on this computer (the test harness, a local dev IdP) may speak plain http.
        execute: isLoopbackUrl(config.issuer) ? [client.allowInsecureRequests] : [],
      })
      .catch((error: unknown) => {
        discovered = undefined;
        throw error;
      });
    return discovered;
  }

  const cookie = (value: string, maxAgeSeconds: number) =>
    serializeCookie(loginCookie, value, { maxAgeSeconds, secure, httpOnly: true, sameSite: "Lax" });

  function redirect(location: string, cookies: string[] = []): Response {
    const headers = new Headers({ location, "cache-control": "no-store" });
    for (const value of cookies) headers.append("set-cookie", value);
    return new Response(null, { status: 303, headers });
  }

  const failed = (reason: SignInError) => redirect(`/?sign-in-error=${reason}`, [cookie("", 0)]);

  async function login(request: Request): Promise<Response> {
    let provider: client.Configuration;
    try {
      provider = await discover();
    } catch (error) {
      log(`sign-in: the identity provider at ${config.issuer.href} did not answer: ${describeError(error)}`);
      return redirect("/?sign-in-error=failed");
    }
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const returnTo = safeReturnTo(new URL(request.url).searchParams.get("returnTo"));
    const payload = { state, nonce, verifier, returnTo, exp: now() + LOGIN_MINUTES * 60_000 };
    const signed = signValue(
      Buffer.from(JSON.stringify(payload)).toString("base64url"),
      config.sessionSecret,
    );
    const target = client.buildAuthorizationUrl(provider, {
      redirect_uri: redirectUri,
      scope: config.scopes,
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: "S256",
      state,
      nonce,
    });
    return redirect(target.href, [cookie(signed, LOGIN_MINUTES * 60)]);
  }

  async function callback(request: Request): Promise<Response> {
    const current = new URL(request.url);
    if (current.searchParams.get("error") === "access_denied") return failed("denied");
    const pending = readLoginState(request);
    if (!pending) return failed("expired");
    try {
      const provider = await discover();
      // The provider redirected to PUBLIC_URL; behind a reverse proxy the request's own URL may differ.
      const callbackUrl = new URL(`${current.pathname}${current.search}`, config.publicUrl);
      const tokens = await client.authorizationCodeGrant(provider, callbackUrl, {
        pkceCodeVerifier: pending.verifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims();
      if (!idClaims) return failed("failed");
      let claims: Record<string, unknown> = { ...idClaims };
      const claimName = config.roles.rolesClaim;
      if (typeof claims.email !== "string" || (claimName && !(claimName in claims))) {
        // Many providers keep profile claims out of the ID token and serve them from userinfo.
        claims = { ...(await client.fetchUserInfo(provider, tokens.access_token, idClaims.sub)), ...claims };
      }
      const email = typeof claims.email === "string" ? claims.email : undefined;
      if (!email || claims.email_verified === false) {
        log(`sign-in: ${idClaims.sub} has no verified e-mail address; refused`);
        return failed("no-email");
      }
      const name = typeof claims.name === "string" ? claims.name : undefined;
      const groups = claimName ? groupsFromClaim(claims[claimName]) : [];
      const started = sessions.start({ email, name, groupRole: groupRole(groups, config.roles) });
      log(`sign-in: ${email}`);
      return redirect(pending.returnTo, [cookie("", 0), ...started]);
    } catch (error) {
      log(`sign-in: the code exchange failed: ${describeError(error)}`);
      return failed("failed");
    }
  }

  function readLoginState(request: Request): z.infer<typeof LoginState> | undefined {
    const raw = readCookie(request, loginCookie);
    const value = raw ? verifyValue(raw, config.sessionSecret) : undefined;
    if (!value) return undefined;
    try {
      const parsed = LoginState.safeParse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
      return parsed.success && parsed.data.exp > now() ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  return {
    discover,
    async handle(request: Request): Promise<Response | undefined> {
      const { pathname } = new URL(request.url);
      if (pathname === "/auth/login" && request.method === "GET") return login(request);
      if (pathname === "/auth/callback" && request.method === "GET") return callback(request);
      return undefined;
    },
  };
}

/** Only a path of this app: `//evil.example` and absolute URLs would turn sign-in into an open redirect. */
export function safeReturnTo(value: string | null): string {
  if (!value?.startsWith("/") || value.startsWith("//") || value.includes("\\")) return "/";
  return value;
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
