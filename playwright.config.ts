import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { E2E_SESSION_SECRET } from "./e2e/auth/sign-in-helpers.ts";
import { CHROMIUM_ARGS, findChromium } from "./e2e/chromium.ts";

const PORT = Number(process.env.E2E_PORT ?? 4319);
export const E2E_BASE_URL = `http://127.0.0.1:${PORT}`;
/** The second server, with OIDC sign-in on, and the test OpenID provider it trusts (e2e/oidc/). */
const AUTH_PORT = PORT + 100;
const PROVIDER_PORT = PORT + 101;
export const E2E_AUTH_BASE_URL = `http://127.0.0.1:${AUTH_PORT}`;
/** A server over the Japanese portal (SIMULATOR_PORTAL=jp) for issue 12's flow (e2e/jp/). */
const JP_PORT = PORT + 103;
const JP_BASE_URL = `http://127.0.0.1:${JP_PORT}`;

const authServerEnv = (port: number, dataPrefix: string) => ({
  PORT: String(port),
  HOST: "127.0.0.1",
  HUBSPOT_ACCESS_TOKEN: "",
  SIMULATOR_LATENCY_MS: "0",
  SIMULATOR_CONTROL: "on",
  DATA_DIR: mkdtempSync(join(tmpdir(), dataPrefix)),
  AUTH_MODE: "oidc",
  OIDC_ISSUER_URL: `http://127.0.0.1:${PROVIDER_PORT}`,
  OIDC_CLIENT_ID: "quote-batch-composer",
  OIDC_CLIENT_SECRET: "test-client-secret-that-is-long-enough",
  OIDC_SCOPES: "openid email profile",
  PUBLIC_URL: `http://127.0.0.1:${port}`,
  SESSION_SECRET: E2E_SESSION_SECRET,
});

export default defineConfig({
  testDir: "./e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: E2E_BASE_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
  },
  projects: [
    {
      name: "chromium",
      testIgnore: ["auth/**", "jp/**"],
      use: { ...devices["Desktop Chrome"], viewport: { width: 1440, height: 900 } },
    },
    {
      name: "jp",
      testMatch: "jp/**/*.spec.ts",
      use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 720 }, baseURL: JP_BASE_URL },
    },
    {
      name: "auth",
      testMatch: "auth/**/*.spec.ts",
      use: {
        ...devices["Desktop Chrome"],
        viewport: { width: 1440, height: 900 },
        baseURL: E2E_AUTH_BASE_URL,
      },
    },
  ],
  webServer: [
    {
      command: "tsx src/server/main.ts",
      url: `${JP_BASE_URL}/api/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        PORT: String(JP_PORT),
        HOST: "127.0.0.1",
        HUBSPOT_ACCESS_TOKEN: "",
        SIMULATOR_LATENCY_MS: "0",
        SIMULATOR_CONTROL: "on",
        SIMULATOR_PORTAL: "jp",
        DATA_DIR: mkdtempSync(join(tmpdir(), "qbc-e2e-jp-")),
      },
    },
    {
      // The real Node server over the built app, with the simulator upstream, no latency and a faults endpoint.
      command: "tsx src/server/main.ts",
      url: `${E2E_BASE_URL}/api/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        PORT: String(PORT),
        HOST: "127.0.0.1",
        HUBSPOT_ACCESS_TOKEN: "",
        SIMULATOR_LATENCY_MS: "0",
        SIMULATOR_CONTROL: "on",
        // Each run starts with an empty journal and history, and never touches the developer's ./data.
        DATA_DIR: mkdtempSync(join(tmpdir(), "qbc-e2e-")),
      },
    },
    {
      command: "tsx e2e/oidc/serve-provider.ts",
      url: `http://127.0.0.1:${PROVIDER_PORT}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        PORT: String(PROVIDER_PORT),
        REDIRECT_URI: `${E2E_AUTH_BASE_URL}/auth/callback`,
      },
    },
    {
      // The same server with sign-in on: Sam submits, Vic views, Ada administers (e2e/oidc/test-provider.ts).
      command: "tsx src/server/main.ts",
      url: `${E2E_AUTH_BASE_URL}/api/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        ...authServerEnv(AUTH_PORT, "qbc-e2e-auth-"),
        SUBMITTER_EMAILS: "sam@example.com",
        ADMIN_EMAILS: "ada@example.com",
      },
    },
  ],
});
