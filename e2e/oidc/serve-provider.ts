import { startTestProvider } from "./test-provider.ts";

/** Playwright's webServer for the auth project: `tsx e2e/oidc/serve-provider.ts` (PORT, REDIRECT_URI). */
const port = Number(process.env.PORT ?? 0);
const redirectUri = process.env.REDIRECT_URI ?? "http://127.0.0.1:4336/auth/callback";
const provider = await startTestProvider({ port, redirectUris: [redirectUri] });
process.stdout.write(`Test OpenID provider: ${provider.issuer}\n`);
