import { describe, expect, it } from "vitest";
import { parseEnv } from "./env.ts";

describe("parseEnv", () => {
  it("defaults to the simulator on 127.0.0.1:4173 at the starter tier", () => {
    const result = parseEnv({});
    expect(result).toMatchObject({
      ok: true,
      env: { token: undefined, host: "127.0.0.1", port: 4173, tier: "starter", perTenSeconds: 100 },
    });
  });

  it("treats blank values as unset and reads every setting", () => {
    const result = parseEnv({
      HUBSPOT_ACCESS_TOKEN: "  ",
      PORT: "8080",
      HUBSPOT_RATE_LIMIT_TIER: "api-limit-increase",
      SIMULATOR_LATENCY_MS: "150",
      SIMULATOR_CONTROL: "off",
      SIMULATOR_FAIL_AFTER_APPLY_RATE: "0.05",
    });
    expect(result.ok && result.env).toMatchObject({
      token: undefined,
      port: 8080,
      perTenSeconds: 250,
      simulator: { latencyMs: 150, control: false, failAfterApplyRate: 0.05 },
    });
  });

  it("keeps the journal in ./data unless DATA_DIR or DATABASE_URL says otherwise", () => {
    expect(parseEnv({})).toMatchObject({ ok: true, env: { dataDir: "./data", databaseUrl: undefined } });
    expect(
      parseEnv({ DATA_DIR: "/var/lib/qbc", DATABASE_URL: "postgres://qbc:secret@db:5432/quotes" }),
    ).toMatchObject({
      ok: true,
      env: { dataDir: "/var/lib/qbc", databaseUrl: "postgres://qbc:secret@db:5432/quotes" },
    });
  });

  it("refuses a DATABASE_URL that is not PostgreSQL's, without echoing its password", () => {
    const result = parseEnv({ DATABASE_URL: "mysql://root:hunter2@db/quotes" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain("DATABASE_URL=(hidden): expected a PostgreSQL URL");
    expect(result.message).not.toContain("hunter2");
  });

  it("names the variable, the bad value and what is allowed", () => {
    const result = parseEnv({ PORT: "http", HUBSPOT_RATE_LIMIT_TIER: "gold" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain('PORT="http": expected a port number from 0 to 65535');
    expect(result.message).toContain("HUBSPOT_RATE_LIMIT_TIER");
    expect(result.message).toContain("starter, professional, enterprise, api-limit-increase");
  });

  it("rejects out-of-range numbers and rates", () => {
    expect(parseEnv({ PORT: "70000" }).ok).toBe(false);
    expect(parseEnv({ UPSTREAM_TIMEOUT_MS: "0" }).ok).toBe(false);
    expect(parseEnv({ SIMULATOR_LOCKED_RATE: "1.5" }).ok).toBe(false);
    expect(parseEnv({ SIMULATOR_CONTROL: "yes" }).ok).toBe(false);
  });

  it("keeps the token's value out of its messages", () => {
    const result = parseEnv({ HUBSPOT_ACCESS_TOKEN: "pat-na1-secret", PORT: "-1" });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).not.toContain("pat-na1-secret");
  });

  it("refuses fault rates that add up to more than 1, naming them", () => {
    const result = parseEnv({ SIMULATOR_FAIL_AFTER_APPLY_RATE: "0.7", SIMULATOR_PENDING_RATE: "0.5" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain("add up to 1.2");
    expect(result.message).toContain("failAfterApplyRate 0.7 + pendingRate 0.5");
    expect(parseEnv({ SIMULATOR_FAIL_AFTER_APPLY_RATE: "0.5", SIMULATOR_LOCKED_RATE: "0.5" }).ok).toBe(true);
  });

  it("reads the simulated portal and its quote system", () => {
    const result = parseEnv({
      SIMULATOR_PORTAL: "jp",
      SIMULATOR_QUOTE_SYSTEM: "cpq",
      SIMULATOR_CANCELED_RATE: "0.1",
    });
    expect(result.ok && result.env.simulator).toMatchObject({
      portal: "jp",
      quoteSystem: "cpq",
      canceledRate: 0.1,
    });
    expect(parseEnv({}).ok && parseEnv({})).toMatchObject({
      env: { simulator: { portal: "us", quoteSystem: "legacy" } },
    });
    expect(parseEnv({ SIMULATOR_PORTAL: "de" }).ok).toBe(false);
  });
});
