import { type Browser, type BrowserContext, expect, type Page } from "@playwright/test";

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
