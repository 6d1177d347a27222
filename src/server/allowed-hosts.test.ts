import { describe, expect, it } from "vitest";
import { allowedHosts } from "./allowed-hosts.ts";
import { parseEnv } from "./env.ts";

function hostsFor(env: Record<string, string>) {
  const parsed = parseEnv(env);
  if (!parsed.ok) throw new Error(parsed.message);
  return allowedHosts(parsed.env);
}

describe("the Host names the API answers", () => {
  it("are loopback names on a loopback bind, and any on a wildcard bind", () => {
    expect(hostsFor({ HOST: "127.0.0.1" })).toEqual(["127.0.0.1", "localhost", "[::1]"]);
    expect(
      hostsFor({ HOST: "0.0.0.0", AUTH_MODE: "proxy-header", AUTH_TRUSTED_PROXIES: "10.0.0.5" }),
    ).toBeUndefined();
  });

  it("include PUBLIC_URL's behind a reverse proxy on this computer, which passes the name people open", () => {
    expect(
      hostsFor({ HOST: "127.0.0.1", AUTH_MODE: "proxy-header", PUBLIC_URL: "https://quotes.example.com" }),
    ).toEqual(["127.0.0.1", "localhost", "[::1]", "quotes.example.com"]);
  });
});
