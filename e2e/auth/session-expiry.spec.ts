import { expect, type Page, test } from "@playwright/test";
import { expectNoAxeViolations } from "../axe.ts";
import { pasteText } from "../clipboard.ts";
import { csrfHeader, signIn } from "./sign-in-helpers.ts";

/** The third server of the auth project (playwright.config.ts): sign-ins there last 10 s. */
const SHORT_SESSION_URL = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 4319) + 102}`;
const QUOTES = 700;

async function setLatency(page: Page, latencyMs: number): Promise<void> {
  const response = await page.request.post("/api/simulator/faults", {
    headers: await csrfHeader(page.context()),
    data: { latencyMs },
  });
  expect(response.status()).toBe(200);
}

test("a sign-in that ends mid-submission pauses it; signed in again, Resume sends the rest and nothing twice", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({
    baseURL: SHORT_SESSION_URL,
    viewport: { width: 1440, height: 900 },
  });
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const page = await context.newPage();

  await signIn(page, "sam");
  const runId = Date.now();
  // Each answer takes 12 s: the first six requests (of seven) are still on their way when the 10 s session
  // ends, so the seventh leaves after it, whatever the speed of this machine.
  await setLatency(page, 12_000);
  const grid = page.getByRole("grid", { name: "Quotes" });
  await expect(grid.getByRole("columnheader", { name: /^Deal/ }).first()).toBeVisible();
  await grid.focus();
  const tsv = Array.from({ length: QUOTES }, (_, i) => `Expiry ${runId} #${i + 1}\t2031-01-01`).join("\r\n");
  await pasteText(page, grid, `${tsv}\r\n`);
  await expect(grid).toHaveAttribute("aria-rowcount", String(QUOTES + 1));
  await page.getByRole("button", { name: "Submit batch" }).click();
  await page
    .getByRole("dialog", { name: "Submit batch" })
    .getByRole("button", { name: `Create ${QUOTES} quotes` })
    .click();

  // Paused, not failed: a plain message with a way back in, not HubSpot's "token rejected".
  const progress = page.getByRole("region", { name: "Submission progress" });
  await expect(progress.getByText("You were signed out")).toBeVisible({ timeout: 40_000 });
  await expect(progress.getByText(/Nothing was lost and nothing will be sent twice/)).toBeVisible();
  await expect(page.getByText("HubSpot rejected the access token")).toHaveCount(0);
  await expectNoAxeViolations(page, "signed out mid-submission");

  // Reads say so too: History is a signed-out state with its own "Sign in again", back to History.
  await page.getByRole("tab", { name: "History" }).click();
  const history = page.getByRole("region", { name: "Submission history" });
  await expect(history.getByText(/Your sign-in ended, so this could not be loaded/)).toBeVisible();
  await expect(history.getByRole("link", { name: "Sign in again" })).toHaveAttribute(
    "href",
    "/auth/login?returnTo=%2F%23history",
  );
  await expectNoAxeViolations(page, "History while signed out");

  const before = await page.request.get("/api/simulator/quotes");
  expect(before.status()).toBe(401);

  // The simulator answers at once again (set from another browser: this one is signed out), so what the page
  // loads after signing in does not eat the new 10 s session.
  const ops = await browser.newContext({ baseURL: SHORT_SESSION_URL });
  const opsPage = await ops.newPage();
  await signIn(opsPage, "sam");
  await setLatency(opsPage, 0);
  await ops.close();

  await page.getByRole("tab", { name: "Results" }).click();
  await page
    .getByRole("region", { name: "Submission results" })
    .getByRole("link", { name: "Sign in again" })
    .click();
  // The identity provider still knows Sam: straight back to the same page, signed in again.
  await expect(page).toHaveURL(`${SHORT_SESSION_URL}/#results`);
  await expect(page.getByRole("banner").getByText("Sam Submitter")).toBeVisible();

  const created = await page.request.get("/api/simulator/quotes");
  const sentBefore = ((await created.json()) as { results: { properties: Record<string, string> }[] }).results
    .map((quote) => quote.properties.hs_title ?? "")
    .filter((title) => title.startsWith(`Expiry ${runId} `));
  expect(sentBefore.length).toBeLessThan(QUOTES);

  const results = page.getByRole("region", { name: "Submission results" });
  await expect(results.getByText(/You are signed in again/)).toBeVisible();
  await results.getByRole("button", { name: "Resume" }).click();
  await expect(results.getByText("You were signed out")).toHaveCount(0, { timeout: 20_000 });
  await expect(results.getByText(new RegExp(`${QUOTES} created`))).toBeVisible({ timeout: 20_000 });

  const after = await page.request.get("/api/simulator/quotes");
  const titles = ((await after.json()) as { results: { properties: Record<string, string> }[] }).results
    .map((quote) => quote.properties.hs_title ?? "")
    .filter((title) => title.startsWith(`Expiry ${runId} `));
  expect(titles).toHaveLength(QUOTES);
  expect(new Set(titles).size).toBe(QUOTES);
  await context.close();
});
