import { expect, type Page, type Route, test } from "@playwright/test";
import { expectNoAxeViolations } from "../axe.ts";
import { pasteText } from "../clipboard.ts";
import { expireSession, personPage } from "./sign-in-helpers.ts";

const QUOTES = 700;
const CREATE = "**/api/hubspot/crm/v3/objects/quotes/batch/create";

/** The titles of this run's quotes that HubSpot (the simulator) has, as an admin reads them. */
async function createdTitles(admin: Page, runId: number): Promise<string[]> {
  const response = await admin.request.get("/api/simulator/quotes");
  expect(response.status()).toBe(200);
  return ((await response.json()) as { results: { properties: Record<string, string> }[] }).results
    .map((quote) => quote.properties.hs_title ?? "")
    .filter((title) => title.startsWith(`Expiry ${runId} `));
}

test("a sign-in that ends mid-submission pauses it; signed in again, Resume sends the rest and nothing twice", async ({
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const baseURL = testInfo.project.use.baseURL ?? "";
  const ada = await personPage(browser, baseURL, "ada");
  const page = await personPage(browser, baseURL, "sam");
  const runId = Date.now();

  // The test, not a clock, decides when the sign-in ends: HubSpot's answers to the first batches (six go out
  // at once, of seven) are held in the browser's network until the session has ended, so the seventh always
  // leaves after it, however fast or slow this machine is.
  let holding = true;
  let answeredUpstream = 0;
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(CREATE, async (route: Route) => {
    if (!holding) return route.continue();
    const response = await route.fetch();
    answeredUpstream++;
    await released;
    await route.fulfill({ response });
  });

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

  await expect.poll(() => answeredUpstream, { timeout: 30_000 }).toBe(6);
  await expireSession(page.context(), baseURL, "sam@example.com");
  holding = false;
  release();

  // Paused, not failed: a plain message with a way back in, not HubSpot's "token rejected".
  const progress = page.getByRole("region", { name: "Submission progress" });
  await expect(progress.getByText("You were signed out")).toBeVisible({ timeout: 30_000 });
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

  expect((await page.request.get("/api/simulator/quotes")).status()).toBe(401);
  // The six answered batches, and not the seventh: it was refused before it reached HubSpot.
  expect(await createdTitles(ada, runId)).toHaveLength(600);

  await page.getByRole("tab", { name: "Results" }).click();
  await page
    .getByRole("region", { name: "Submission results" })
    .getByRole("link", { name: "Sign in again" })
    .click();
  // The identity provider still knows Sam: straight back to the same page, signed in again.
  await expect(page).toHaveURL(`${baseURL}/#results`);
  await expect(page.getByRole("banner").getByText("Sam Submitter")).toBeVisible();

  const results = page.getByRole("region", { name: "Submission results" });
  await expect(results.getByText(/You are signed in again/)).toBeVisible();
  await results.getByRole("button", { name: "Resume" }).click();
  await expect(results.getByText("You were signed out")).toHaveCount(0, { timeout: 20_000 });
  await expect(results.getByText(new RegExp(`${QUOTES} created`))).toBeVisible({ timeout: 30_000 });

  const titles = await createdTitles(ada, runId);
  expect(titles).toHaveLength(QUOTES);
  expect(new Set(titles).size).toBe(QUOTES);
  await page.context().close();
  await ada.context().close();
});
