import { expect, type Route, test } from "@playwright/test";
import { pasteText } from "../clipboard.ts";
import { personPage } from "./sign-in-helpers.ts";

const QUOTES = 700;

test("an open History shows a teammate's new submission without a reload, and its counts as it runs", async ({
  browser,
}, testInfo) => {
  test.setTimeout(90_000);
  const baseURL = testInfo.project.use.baseURL;
  const ada = await personPage(browser, baseURL, "ada");
  await ada.getByRole("tab", { name: "History" }).click();
  const table = ada.getByRole("table", { name: "Past submissions" });
  const empty = ada.getByRole("heading", { name: "No past submissions" });
  await expect(table.or(empty)).toBeVisible();

  const sam = await personPage(browser, baseURL, "sam");
  // The test holds Sam's last batch (the seventh; six go out at once) in his browser until Ada has seen the
  // run's counts move: it stays running at 600 for as long as the test needs, on any machine.
  let creates = 0;
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  await sam.route("**/api/hubspot/crm/v3/objects/quotes/batch/create", async (route: Route) => {
    creates++;
    if (creates === 7) await released;
    await route.continue();
  });
  try {
    const grid = sam.getByRole("grid", { name: "Quotes" });
    await expect(grid.getByRole("columnheader", { name: /^Deal/ }).first()).toBeVisible();
    await grid.focus();
    const tsv = Array.from({ length: QUOTES }, (_, i) => `Live ${i + 1}\t2031-01-01`).join("\r\n");
    await pasteText(sam, grid, `${tsv}\r\n`);
    await expect(grid).toHaveAttribute("aria-rowcount", String(QUOTES + 1));
    await sam.getByRole("button", { name: "Submit batch" }).click();
    await sam
      .getByRole("dialog", { name: "Submit batch" })
      .getByRole("button", { name: `Create ${QUOTES} quotes` })
      .click();

    // Ada never reloads: the newest row is Sam's, running, then its counts move, then it is finished.
    const newest = table.getByRole("row").nth(1);
    const cell = (n: number) => newest.getByRole("cell").nth(n);
    await expect(newest).toContainText("Sam Submitter", { timeout: 30_000 });
    await expect(cell(4)).toHaveText(String(QUOTES));
    await expect(cell(3)).toHaveText("running");
    await expect(cell(5)).toHaveText("600", { timeout: 30_000 });
    await expect.poll(() => creates).toBe(7);
    await expect(cell(3)).toHaveText("running");
    release();
    await expect(cell(3)).toHaveText("finished", { timeout: 30_000 });
    await expect(cell(5)).toHaveText(String(QUOTES));
  } finally {
    release();
  }
  await sam.context().close();
  await ada.context().close();
});
