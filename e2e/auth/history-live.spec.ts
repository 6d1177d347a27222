import { expect, type Page, test } from "@playwright/test";
import { pasteText } from "../clipboard.ts";
import { csrfHeader, personPage } from "./sign-in-helpers.ts";

const QUOTES = 700;

async function setLatency(admin: Page, latencyMs: number): Promise<void> {
  const response = await admin.request.post("/api/simulator/faults", {
    headers: await csrfHeader(admin.context()),
    data: { latencyMs },
  });
  expect(response.status()).toBe(200);
}

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
  // Six answers of seven come after 6 s, the last after 12 s: long enough to watch the counts move.
  await setLatency(ada, 6_000);
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
    await expect(newest).toContainText("Sam Submitter", { timeout: 15_000 });
    await expect(cell(4)).toHaveText(String(QUOTES));
    await expect(cell(3)).toHaveText("running");
    await expect(cell(5)).toHaveText("600", { timeout: 15_000 });
    await expect(cell(3)).toHaveText("running");
    await expect(cell(3)).toHaveText("finished", { timeout: 20_000 });
    await expect(cell(5)).toHaveText(String(QUOTES));
  } finally {
    await setLatency(ada, 0);
  }
  await sam.context().close();
  await ada.context().close();
});
