import { type Browser, type BrowserContext, expect, type Page } from "@playwright/test";
import { Sessions } from "../../src/server/auth/sessions.ts";

/** The auth servers' `SESSION_SECRET` (playwright.config.ts): a test can end a sign-in when it chooses. */
export const E2E_SESSION_SECRET = "e2e-session-secret-0123456789abcdef";

/**
 * Ends this browser's sign-in now, as the clock would: its session cookie is replaced by one the server
 * signed for the same person that expired an hour ago (the CSRF cookie beside it matches, so only the
 * expiry refuses it). The test decides the moment instead of waiting for a short session to run out.
 */
export async function expireSession(context: BrowserContext, baseURL: string, email: string): Promise<void> {
  const anHourAgo = Date.now() - 3_600_000;
  const cookies = new Sessions({
    secret: E2E_SESSION_SECRET,
    maxAgeSeconds: 60,
    secure: false,
    now: () => anHourAgo,
  }).start({ email });
  for (const name of ["qbc_session", "qbc_csrf"]) await context.clearCookies({ name });
  await context.addCookies(
    cookies.map((header) => {
      const [pair = ""] = header.split(";");
      const name = pair.slice(0, pair.indexOf("="));
      return {
        name,
        value: pair.slice(pair.indexOf("=") + 1),
        url: baseURL,
        httpOnly: name === "qbc_session",
        sameSite: "Lax" as const,
      };
    }),
  );
}

/** Through the test provider's own pages: its login form (any password), then its consent form. */
export async function signIn(page: Page, login: string): Promise<void> {
  await page.goto("/");
  await page.getByRole("link", { name: "Sign in" }).click();
  await expect(page).toHaveTitle("Sign-in");
  await page.getByPlaceholder("Enter any login").fill(login);
  await page.getByPlaceholder("and password").fill("any password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  // The provider asks once per client to confirm what the app may read.
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("tablist", { name: "Sections" })).toBeVisible();
}

/** The page's CSRF token as the app sends it on every write. */
export async function csrfHeader(context: BrowserContext): Promise<Record<string, string>> {
  const cookie = (await context.cookies()).find((candidate) => candidate.name === "qbc_csrf");
  return { "x-qbc-csrf": cookie?.value ?? "" };
}

/** A browser of someone else: its own cookies, storage and sign-in. */
export async function personPage(
  browser: Browser,
  baseURL: string | undefined,
  login: string,
): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1440, height: 900 } });
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const page = await context.newPage();
  await signIn(page, login);
  return page;
}
