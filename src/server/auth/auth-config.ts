import { randomBytes } from "node:crypto";
import { z } from "zod";
import { isLoopbackHost, isLoopbackUrl } from "./loopback.ts";

/** Who may assign which role: e-mail lists, and optionally an OIDC claim holding group names. */
export interface RoleRules {
  adminEmails: ReadonlySet<string>;
  submitterEmails: ReadonlySet<string>;
  /** e.g. `groups`: the ID token / userinfo claim listing the person's groups (OIDC only). */
  rolesClaim: string | undefined;
  adminGroups: ReadonlySet<string>;
  submitterGroups: ReadonlySet<string>;
}

interface SessionSettings {
  /** HMAC key for session and CSRF values; shared by every replica. */
  sessionSecret: string;
  /** Whether the secret was generated at start (sessions then end with the process). */
  sessionSecretGenerated: boolean;
  /** How long a sign-in lasts: `SESSION_MAX_AGE_SECONDS`, else `SESSION_HOURS`. */
  sessionSeconds: number;
  roles: RoleRules;
}

export type AuthConfig =
  | { mode: "none" }
  | (SessionSettings & {
      mode: "proxy-header";
      /** Lower-case header name, e.g. `x-forwarded-email`. */
      header: string;
      /** Addresses or CIDR ranges of the reverse proxies whose header is believed. */
      trustedProxies: readonly string[];
      publicUrl: URL | undefined;
    })
  | (SessionSettings & {
      mode: "oidc";
      issuer: URL;
      clientId: string;
      clientSecret: string;
      scopes: string;
      publicUrl: URL;
    });

const emailList = z
  .string()
  .transform((text) => text.split(/[\s,]+/).filter(Boolean))
  .pipe(z.array(z.email("expected comma-separated e-mail addresses")))
  .transform((emails) => new Set(emails.map((email) => email.toLowerCase())));

const nameList = z.string().transform((text) => new Set(text.split(/[\s,]+/).filter(Boolean)));

const addressList = z
  .string()
  .transform((text) => text.split(/[\s,]+/).filter(Boolean))
  .pipe(
    z.array(z.union([z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()], "expected IP addresses or CIDR ranges")),
  );

const httpUrl = z.url({ protocol: /^https?$/, error: "expected an http:// or https:// URL" });

const AuthEnvSchema = z.object({
  AUTH_MODE: z
    .enum(["none", "oidc", "proxy-header"], { error: 'expected "none", "oidc" or "proxy-header"' })
    .default("none"),
  OIDC_ISSUER_URL: httpUrl.optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_SCOPES: z.string().default("openid email profile"),
  OIDC_ROLES_CLAIM: z
    .string()
    .regex(/^[\w.:/-]+$/, "expected a claim name such as groups")
    .optional(),
  OIDC_ADMIN_GROUPS: nameList.default(new Set()),
  OIDC_SUBMITTER_GROUPS: nameList.default(new Set()),
  PUBLIC_URL: httpUrl.optional(),
  AUTH_PROXY_HEADER: z
    .string()
    .regex(/^[A-Za-z0-9-]+$/, "expected a header name such as X-Forwarded-Email")
    .default("X-Forwarded-Email"),
  AUTH_TRUSTED_PROXIES: addressList.default(["127.0.0.0/8", "::1"]),
  ADMIN_EMAILS: emailList.default(new Set()),
  SUBMITTER_EMAILS: emailList.default(new Set()),
  SESSION_SECRET: z
    .string()
    .min(32, "expected at least 32 characters (e.g. `openssl rand -hex 32`)")
    .optional(),
  SESSION_HOURS: z
    .string()
    .regex(/^\d+$/, "expected hours from 1 to 720")
    .transform(Number)
    .pipe(z.number().int().min(1, "expected hours from 1 to 720").max(720, "expected hours from 1 to 720"))
    .default(8),
  // Seconds, for a deployment's own policy or a test that watches a session end (overrides SESSION_HOURS).
  SESSION_MAX_AGE_SECONDS: z
    .string()
    .regex(/^\d+$/, "expected seconds from 10 to 2592000 (30 days)")
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .min(10, "expected seconds from 10 to 2592000 (30 days)")
        .max(2_592_000, "expected seconds from 10 to 2592000 (30 days)"),
    )
    .optional(),
});

export const AUTH_ENV_KEYS = Object.keys(AuthEnvSchema.shape);

export type AuthConfigResult = { ok: true; auth: AuthConfig } | { ok: false; problems: string[] };

/** Names and hides what must never be echoed back in a start-up message. */
const SECRET_KEYS = new Set(["OIDC_CLIENT_SECRET", "SESSION_SECRET"]);

/**
 * Parses the sign-in settings. `host` is the address the server binds: without sign-in it must be loopback,
 * because anyone who can reach the server could otherwise write the CRM with its token.
 */
export function parseAuthEnv(source: Record<string, string | undefined>, host: string): AuthConfigResult {
  const cleaned: Record<string, string> = {};
  for (const key of AUTH_ENV_KEYS) {
    const value = source[key]?.trim();
    if (value) cleaned[key] = value;
  }
  const parsed = AuthEnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? "environment");
        const shown = SECRET_KEYS.has(name) ? "(hidden)" : JSON.stringify(cleaned[name] ?? "");
        return `${name}=${shown}: ${issue.message}`;
      }),
    };
  }
  const e = parsed.data;
  if (e.AUTH_MODE === "none") {
    if (isLoopbackHost(host)) return { ok: true, auth: { mode: "none" } };
    return {
      ok: false,
      problems: [
        `HOST=${JSON.stringify(host)} listens beyond this computer, but AUTH_MODE is "none": anyone who can reach the server could create quotes with its HubSpot token.`,
        "  Set AUTH_MODE=oidc (with OIDC_ISSUER_URL, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET and PUBLIC_URL),",
        "  or AUTH_MODE=proxy-header behind oauth2-proxy (with AUTH_TRUSTED_PROXIES),",
        "  or bind HOST=127.0.0.1 to keep the server to this computer.",
      ],
    };
  }

  const session: SessionSettings = {
    sessionSecret: e.SESSION_SECRET ?? randomBytes(32).toString("hex"),
    sessionSecretGenerated: e.SESSION_SECRET === undefined,
    sessionSeconds: e.SESSION_MAX_AGE_SECONDS ?? e.SESSION_HOURS * 3_600,
    roles: {
      adminEmails: e.ADMIN_EMAILS,
      submitterEmails: e.SUBMITTER_EMAILS,
      rolesClaim: e.OIDC_ROLES_CLAIM,
      adminGroups: e.OIDC_ADMIN_GROUPS,
      submitterGroups: e.OIDC_SUBMITTER_GROUPS,
    },
  };
  const publicUrl = e.PUBLIC_URL === undefined ? undefined : new URL(e.PUBLIC_URL);
  const problems: string[] = [];
  if (publicUrl && (publicUrl.pathname !== "/" || publicUrl.search || publicUrl.hash))
    problems.push(
      `PUBLIC_URL=${JSON.stringify(e.PUBLIC_URL)}: expected an origin only, e.g. https://quotes.example.com`,
    );
  if (publicUrl?.protocol === "http:" && !isLoopbackUrl(publicUrl))
    problems.push(
      `PUBLIC_URL=${JSON.stringify(e.PUBLIC_URL)}: expected https:// (session cookies must not travel in clear; http:// is for loopback only)`,
    );

  if (e.AUTH_MODE === "proxy-header") {
    if (problems.length > 0) return { ok: false, problems };
    return {
      ok: true,
      auth: {
        ...session,
        mode: "proxy-header",
        header: e.AUTH_PROXY_HEADER.toLowerCase(),
        trustedProxies: e.AUTH_TRUSTED_PROXIES,
        publicUrl,
      },
    };
  }

  for (const key of ["OIDC_ISSUER_URL", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "PUBLIC_URL"] as const) {
    if (e[key] === undefined) problems.push(`${key} is not set: AUTH_MODE=oidc needs it.`);
  }
  const issuer = e.OIDC_ISSUER_URL === undefined ? undefined : new URL(e.OIDC_ISSUER_URL);
  if (issuer?.protocol === "http:" && !isLoopbackUrl(issuer))
    problems.push(
      `OIDC_ISSUER_URL=${JSON.stringify(e.OIDC_ISSUER_URL)}: expected https:// (http:// is for loopback only)`,
    );
  if (!e.OIDC_SCOPES.split(/\s+/).includes("openid"))
    problems.push(`OIDC_SCOPES=${JSON.stringify(e.OIDC_SCOPES)}: expected the scope list to include openid`);
  if (problems.length > 0 || !issuer || !publicUrl || !e.OIDC_CLIENT_ID || !e.OIDC_CLIENT_SECRET)
    return { ok: false, problems };
  return {
    ok: true,
    auth: {
      ...session,
      mode: "oidc",
      issuer,
      clientId: e.OIDC_CLIENT_ID,
      clientSecret: e.OIDC_CLIENT_SECRET,
      scopes: e.OIDC_SCOPES,
      publicUrl,
    },
  };
}
