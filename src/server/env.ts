import { z } from "zod";
import { RATE_LIMIT_TIERS, type RateLimitTier } from "../hubspot/limits.ts";
import { faultRatesProblem } from "../simulator/faults.ts";
import { type AuthConfig, parseAuthEnv } from "./auth/auth-config.ts";
import { isLoopbackUrl } from "./auth/loopback.ts";

const integer = (min: number, max: number, what: string) =>
  z
    .string()
    .regex(/^\d+$/, `expected ${what}`)
    .transform(Number)
    .pipe(z.number().int().min(min, `expected ${what}`).max(max, `expected ${what}`));

const rate = z
  .string()
  .regex(/^(0(\.\d+)?|1(\.0+)?)$/, "expected a number from 0 to 1, e.g. 0.05")
  .transform(Number);

const onOff = z.enum(["on", "off"], { error: 'expected "on" or "off"' });

/** Pasting a token goes wrong in a few known ways; each gets a sentence (the token itself is never shown). */
const accessToken = z.string().superRefine((token, ctx) => {
  if (/^bearer\s/i.test(token))
    ctx.addIssue({
      code: "custom",
      message: 'paste the token alone, without "Bearer " in front (the proxy adds it)',
    });
  else if (/\s/.test(token))
    ctx.addIssue({
      code: "custom",
      message: "contains a space or a line break: paste the token on one line",
    });
  else if (!/^[\x21-\x7e]+$/.test(token))
    ctx.addIssue({
      code: "custom",
      message: "contains characters a HubSpot token never has (quotes? a non-ASCII character?)",
    });
});

/** A HubSpot-compatible upstream for tests and staging: https, or http on this computer only. */
const apiBase = z
  .url({ protocol: /^https?$/, error: "expected a URL such as https://api.hubapi.com" })
  .refine(
    (value) => value.startsWith("https://") || isLoopbackUrl(new URL(value)),
    "expected https:// (http:// only for loopback)",
  )
  .refine((value) => !new URL(value).search && !new URL(value).hash, "expected no ?query or #fragment")
  .transform((value) => value.replace(/\/+$/, ""));

const EnvSchema = z.object({
  HUBSPOT_ACCESS_TOKEN: accessToken.optional(),
  HUBSPOT_API_BASE: apiBase.optional(),
  HOST: z.string().default("127.0.0.1"),
  PORT: integer(0, 65_535, "a port number from 0 to 65535").default(4173),
  HUBSPOT_RATE_LIMIT_TIER: z
    .enum(Object.keys(RATE_LIMIT_TIERS) as [RateLimitTier, ...RateLimitTier[]], {
      error: `expected one of ${Object.keys(RATE_LIMIT_TIERS).join(", ")}`,
    })
    .default("starter"),
  UPSTREAM_TIMEOUT_MS: integer(1, 600_000, "milliseconds from 1 to 600000").default(30_000),
  SIMULATOR_SEED: integer(0, 2 ** 31 - 1, "a non-negative integer").default(42),
  SIMULATOR_LATENCY_MS: integer(0, 60_000, "milliseconds from 0 to 60000").default(0),
  SIMULATOR_CONTROL: onOff.default("on"),
  SIMULATOR_FAIL_BEFORE_APPLY_RATE: rate.default(0),
  SIMULATOR_FAIL_AFTER_APPLY_RATE: rate.default(0),
  SIMULATOR_DROP_AFTER_APPLY_RATE: rate.default(0),
  SIMULATOR_LOCKED_RATE: rate.default(0),
  SIMULATOR_CANCELED_RATE: rate.default(0),
  SIMULATOR_PENDING_RATE: rate.default(0),
  SIMULATOR_PROCESSING_RATE: rate.default(0),
  SIMULATOR_PORTAL: z.enum(["us", "jp"], { error: 'expected "us" or "jp"' }).default("us"),
  SIMULATOR_QUOTE_SYSTEM: z
    .enum(["legacy", "cpq"], { error: 'expected "legacy" or "cpq"' })
    .default("legacy"),
  DATA_DIR: z.string().default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "expected a PostgreSQL URL, e.g. postgres://user:password@host:5432/quotes")
    .optional(),
});

export interface ServerEnv {
  /** `undefined` means the simulator is the upstream. */
  token: string | undefined;
  host: string;
  port: number;
  tier: RateLimitTier;
  perTenSeconds: number;
  upstreamTimeoutMs: number;
  /** Where HubSpot's API is (`HUBSPOT_API_BASE`), used with a token. */
  hubspotApiBase: string;
  /** Sign-in (`AUTH_MODE` and friends), parsed in `auth/auth-config.ts`. */
  auth: AuthConfig;
  /** Where the embedded database lives (ignored with `databaseUrl`). */
  dataDir: string;
  /** PostgreSQL instead of the embedded database; several replicas share it. */
  databaseUrl: string | undefined;
  simulator: {
    seed: number;
    latencyMs: number;
    control: boolean;
    failBeforeApplyRate: number;
    failAfterApplyRate: number;
    dropAfterApplyRate: number;
    lockedRate: number;
    canceledRate: number;
    pendingRate: number;
    processingRate: number;
    portal: "us" | "jp";
    quoteSystem: "legacy" | "cpq";
  };
}

export type EnvResult = { ok: true; env: ServerEnv } | { ok: false; message: string };

/** Parses the server's environment. Empty strings count as unset (a blank `HUBSPOT_ACCESS_TOKEN=` means the simulator). */
export function parseEnv(source: Record<string, string | undefined>): EnvResult {
  const cleaned: Record<string, string> = {};
  for (const key of Object.keys(EnvSchema.shape)) {
    const value = source[key]?.trim();
    if (value) cleaned[key] = value;
  }
  const parsed = EnvSchema.safeParse(cleaned);
  const auth = parseAuthEnv(source, cleaned.HOST ?? "127.0.0.1");
  const baseWithoutToken =
    parsed.success && !!parsed.data.HUBSPOT_API_BASE && !parsed.data.HUBSPOT_ACCESS_TOKEN;
  if (!parsed.success || !auth.ok || baseWithoutToken) {
    const lines = (parsed.success ? [] : parsed.error.issues).map((issue) => {
      const name = String(issue.path[0] ?? "environment");
      // Never echo the token or a database password back, even when it is the bad value.
      const shown =
        name === "HUBSPOT_ACCESS_TOKEN" || name === "DATABASE_URL"
          ? "(hidden)"
          : JSON.stringify(cleaned[name] ?? "");
      return `  ${name}=${shown}: ${issue.message}`;
    });
    if (!auth.ok) lines.push(...auth.problems.map((problem) => `  ${problem}`));
    if (baseWithoutToken)
      lines.push(
        "  HUBSPOT_API_BASE is set without HUBSPOT_ACCESS_TOKEN: without a token the built-in simulator is used.",
      );
    return { ok: false, message: `Invalid server configuration:\n${lines.join("\n")}` };
  }
  const e = parsed.data;
  const problem = faultRatesProblem({
    lockedRate: e.SIMULATOR_LOCKED_RATE,
    failBeforeApplyRate: e.SIMULATOR_FAIL_BEFORE_APPLY_RATE,
    failAfterApplyRate: e.SIMULATOR_FAIL_AFTER_APPLY_RATE,
    dropAfterApplyRate: e.SIMULATOR_DROP_AFTER_APPLY_RATE,
    canceledRate: e.SIMULATOR_CANCELED_RATE,
    pendingRate: e.SIMULATOR_PENDING_RATE,
    processingRate: e.SIMULATOR_PROCESSING_RATE,
  });
  if (problem) {
    return {
      ok: false,
      message: `Invalid server configuration:\n  SIMULATOR_*_RATE: ${problem} Lower SIMULATOR_LOCKED_RATE, SIMULATOR_FAIL_BEFORE_APPLY_RATE, SIMULATOR_FAIL_AFTER_APPLY_RATE, SIMULATOR_DROP_AFTER_APPLY_RATE, SIMULATOR_CANCELED_RATE, SIMULATOR_PENDING_RATE or SIMULATOR_PROCESSING_RATE.`,
    };
  }
  return {
    ok: true,
    env: {
      token: e.HUBSPOT_ACCESS_TOKEN,
      host: e.HOST,
      port: e.PORT,
      tier: e.HUBSPOT_RATE_LIMIT_TIER,
      perTenSeconds: RATE_LIMIT_TIERS[e.HUBSPOT_RATE_LIMIT_TIER],
      upstreamTimeoutMs: e.UPSTREAM_TIMEOUT_MS,
      hubspotApiBase: e.HUBSPOT_API_BASE ?? "https://api.hubapi.com",
      auth: auth.auth,
      dataDir: e.DATA_DIR,
      databaseUrl: e.DATABASE_URL,
      simulator: {
        seed: e.SIMULATOR_SEED,
        latencyMs: e.SIMULATOR_LATENCY_MS,
        control: e.SIMULATOR_CONTROL === "on",
        failBeforeApplyRate: e.SIMULATOR_FAIL_BEFORE_APPLY_RATE,
        failAfterApplyRate: e.SIMULATOR_FAIL_AFTER_APPLY_RATE,
        dropAfterApplyRate: e.SIMULATOR_DROP_AFTER_APPLY_RATE,
        lockedRate: e.SIMULATOR_LOCKED_RATE,
        canceledRate: e.SIMULATOR_CANCELED_RATE,
        pendingRate: e.SIMULATOR_PENDING_RATE,
        processingRate: e.SIMULATOR_PROCESSING_RATE,
        portal: e.SIMULATOR_PORTAL,
        quoteSystem: e.SIMULATOR_QUOTE_SYSTEM,
      },
    },
  };
}
