import { describe, expect, it } from "vitest";
import { parseEnv } from "./env.ts";

const message = (env: Record<string, string>) => {
  const result = parseEnv(env);
  return result.ok ? "" : result.message;
};

describe("HUBSPOT_ACCESS_TOKEN format", () => {
  const token = "pat-na1-11111111-2222-3333-4444-555555555555";

  it("accepts a token, surrounding whitespace trimmed", () => {
    expect(parseEnv({ HUBSPOT_ACCESS_TOKEN: ` ${token}\n` })).toMatchObject({ ok: true, env: { token } });
  });

  it.each([
    [`Bearer ${token}`, 'without "Bearer " in front'],
    [`${token.slice(0, 10)}\n${token.slice(10)}`, "a space or a line break"],
    [`${token.slice(0, 10)} ${token.slice(10)}`, "a space or a line break"],
    [`“${token}”`, "characters a HubSpot token never has"],
  ])("explains a pasting mistake and never shows the token: %j", (value, explanation) => {
    const text = message({ HUBSPOT_ACCESS_TOKEN: value });
    expect(text).toContain("HUBSPOT_ACCESS_TOKEN=(hidden)");
    expect(text).toContain(explanation);
    expect(text).not.toContain(token.slice(10));
  });
});

describe("HUBSPOT_API_BASE", () => {
  const token = { HUBSPOT_ACCESS_TOKEN: "pat-na1-abc" };

  it("defaults to api.hubapi.com and takes an https base or a loopback http one", () => {
    expect(parseEnv(token)).toMatchObject({ ok: true, env: { hubspotApiBase: "https://api.hubapi.com" } });
    expect(parseEnv({ ...token, HUBSPOT_API_BASE: "https://hubspot.staging.example.com/" })).toMatchObject({
      ok: true,
      env: { hubspotApiBase: "https://hubspot.staging.example.com" },
    });
    expect(parseEnv({ ...token, HUBSPOT_API_BASE: "http://127.0.0.1:9000" })).toMatchObject({
      ok: true,
      env: { hubspotApiBase: "http://127.0.0.1:9000" },
    });
  });

  it("refuses plain http beyond loopback, and a base without a token", () => {
    expect(message({ ...token, HUBSPOT_API_BASE: "http://hubspot.example.com" })).toContain(
      "http:// only for loopback",
    );
    expect(message({ HUBSPOT_API_BASE: "https://hubspot.staging.example.com" })).toContain(
      "without a token the built-in simulator is used",
    );
  });
});
