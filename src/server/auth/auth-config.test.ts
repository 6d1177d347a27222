import { describe, expect, it } from "vitest";
import { parseEnv } from "../env.ts";
import { parseAuthEnv } from "./auth-config.ts";
import { trustedProxyMatcher } from "./trusted-proxies.ts";

const problems = (env: Record<string, string>, host = "127.0.0.1") => {
  const result = parseAuthEnv(env, host);
  return result.ok ? [] : result.problems;
};

describe("auth settings", () => {
  it("defaults to no sign-in on loopback", () => {
    expect(parseAuthEnv({}, "127.0.0.1")).toEqual({ ok: true, auth: { mode: "none" } });
    expect(parseAuthEnv({}, "localhost").ok).toBe(true);
  });

  it("refuses to start beyond loopback without sign-in, saying what to set", () => {
    const result = parseEnv({ HOST: "0.0.0.0" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain('HOST="0.0.0.0" listens beyond this computer');
    expect(result.message).toContain("AUTH_MODE=oidc");
    expect(result.message).toContain("AUTH_MODE=proxy-header");
    expect(result.message).toContain("HOST=127.0.0.1");
  });

  it("names every missing OIDC setting, and never echoes the client secret", () => {
    expect(problems({ AUTH_MODE: "oidc" }, "0.0.0.0")).toEqual([
      "OIDC_ISSUER_URL is not set: AUTH_MODE=oidc needs it.",
      "OIDC_CLIENT_ID is not set: AUTH_MODE=oidc needs it.",
      "OIDC_CLIENT_SECRET is not set: AUTH_MODE=oidc needs it.",
      "PUBLIC_URL is not set: AUTH_MODE=oidc needs it.",
    ]);
    const bad = problems({ AUTH_MODE: "oidc", SESSION_SECRET: "short-secret" });
    expect(bad.join("\n")).toContain("SESSION_SECRET=(hidden): expected at least 32 characters");
  });

  it("takes the session lifetime in hours, or in seconds (SESSION_MAX_AGE_SECONDS wins)", () => {
    const base = {
      AUTH_MODE: "oidc",
      OIDC_CLIENT_ID: "c",
      OIDC_CLIENT_SECRET: "s",
      OIDC_ISSUER_URL: "http://127.0.0.1:9",
      PUBLIC_URL: "http://127.0.0.1:8",
    };
    const seconds = (env: Record<string, string>) => {
      const result = parseAuthEnv({ ...base, ...env }, "127.0.0.1");
      return result.ok && result.auth.mode !== "none" ? result.auth.sessionSeconds : result;
    };
    expect(seconds({})).toBe(8 * 3_600);
    expect(seconds({ SESSION_HOURS: "2" })).toBe(7_200);
    expect(seconds({ SESSION_HOURS: "2", SESSION_MAX_AGE_SECONDS: "45" })).toBe(45);
    expect(problems({ ...base, SESSION_MAX_AGE_SECONDS: "5" }).join("\n")).toContain(
      "expected seconds from 10 to 2592000",
    );
  });

  it("wants https for the issuer and the public URL except on loopback", () => {
    const base = { AUTH_MODE: "oidc", OIDC_CLIENT_ID: "c", OIDC_CLIENT_SECRET: "s" };
    const remote = problems({
      ...base,
      OIDC_ISSUER_URL: "http://id.example.com",
      PUBLIC_URL: "http://q.example.com",
    });
    expect(remote.join("\n")).toMatch(/PUBLIC_URL=.*expected https/);
    expect(remote.join("\n")).toMatch(/OIDC_ISSUER_URL=.*expected https/);
    expect(
      problems({ ...base, OIDC_ISSUER_URL: "http://127.0.0.1:9", PUBLIC_URL: "http://127.0.0.1:8" }),
    ).toEqual([]);
    expect(
      problems({
        ...base,
        OIDC_ISSUER_URL: "https://id.example.com",
        PUBLIC_URL: "https://q.example.com/app",
      })[0],
    ).toContain("expected an origin only");
  });

  it("reads role lists and trusted proxies, and rejects what they cannot be", () => {
    const result = parseAuthEnv(
      {
        AUTH_MODE: "proxy-header",
        ADMIN_EMAILS: "Ada@Example.com, bo@example.com",
        AUTH_PROXY_HEADER: "X-Auth-Request-Email",
      },
      "0.0.0.0",
    );
    expect(result.ok && result.auth.mode === "proxy-header" && [...result.auth.roles.adminEmails]).toEqual([
      "ada@example.com",
      "bo@example.com",
    ]);
    expect(result.ok && result.auth.mode === "proxy-header" && result.auth.header).toBe(
      "x-auth-request-email",
    );
    expect(problems({ AUTH_MODE: "proxy-header", ADMIN_EMAILS: "not-an-address" })[0]).toContain("e-mail");
    expect(problems({ AUTH_MODE: "proxy-header", AUTH_TRUSTED_PROXIES: "proxy.local" })[0]).toContain(
      "IP addresses",
    );
  });

  it("matches trusted proxies by address and range", () => {
    const trusted = trustedProxyMatcher(["127.0.0.0/8", "::1", "10.1.2.3", "fd00::/8"]);
    expect(trusted("127.0.0.1")).toBe(true);
    expect(trusted("::ffff:127.0.0.1")).toBe(true);
    expect(trusted("::1")).toBe(true);
    expect(trusted("10.1.2.3")).toBe(true);
    expect(trusted("fd00::5")).toBe(true);
    expect(trusted("10.1.2.4")).toBe(false);
    expect(trusted(undefined)).toBe(false);
    expect(trusted("garbage")).toBe(false);
  });
});
