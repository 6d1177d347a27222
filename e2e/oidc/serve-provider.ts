import { startTestProvider } from "./test-provider.ts";

/** Playwright's webServer for the auth project: `tsx e2e/oidc/serve-provider.ts` (PORT, REDIRECT_URI, comma-separated). */
const port = Number(process.env.PORT ?? 0);
const redirectUris = (process.env.REDIRECT_URI ?? "http://127.0.0.1:4336/auth/callback").split(",");
const provider = await startTestProvider({ port, redirectUris });
process.stdout.write(`Test OpenID provider: ${provider.issuer}\n`);
