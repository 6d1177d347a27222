import { expect, type Page, test } from "@playwright/test";
import { pasteText } from "./clipboard.ts";

test.beforeEach(async ({ context, page }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.request.post("/api/simulator/reset");
});

async function submitOne(page: Page, title: string): Promise<void> {
  const grid = page.getByRole("grid", { name: "Quotes" });
  await expect(grid.getByRole("columnheader", { name: /^Deal/ }).first()).toBeVisible();
  await grid.focus();
  await pasteText(page, grid, `${title}\t2031-01-01\r\n`);
  await page.getByRole("button", { name: "Submit batch" }).click();
  await page
    .getByRole("dialog", { name: "Submit batch" })
    .getByRole("button", { name: "Create 1 quote" })
    .click();
  await expect(
    page.getByRole("region", { name: "Submission progress" }).getByText("Submission finished"),
  ).toBeVisible({ timeout: 15_000 });
}

/** Everything this origin keeps in the browser, gone: from a page of the origin that holds no connection. */
async function clearBrowserStorage(page: Page): Promise<void> {
  await page.goto("/api/health");
  await page.evaluate(async () => {
    localStorage.clear();
    for (const database of await indexedDB.databases()) {
      if (!database.name) continue;
      await new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase(database.name ?? "");
        request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error);
        request.onblocked = () => reject(new Error(`${database.name} is still open`));
      });
    }
  });
  expect(await page.evaluate(async () => (await indexedDB.databases()).length)).toBe(0);
}

test("History is the server's: it survives the browser's storage being cleared, filters stay in the URL", async ({
  page,
}) => {
  await page.goto("/");
  await submitOne(page, "Survives storage loss");
  await clearBrowserStorage(page);

  await page.goto("/#history");
  const table = page.getByRole("table", { name: "Past submissions" });
  const row = table.getByRole("row").filter({ hasText: "This computer" }).first();
  await expect(row).toBeVisible();
  await expect(row.getByRole("cell").nth(5)).toHaveText("1");

  // Filtered to unknown outcomes: nothing matches; the filter is in the URL and survives a reload.
  await page.getByRole("combobox", { name: "Outcome" }).selectOption({ label: "With unknown outcomes" });
  await expect(page.getByRole("heading", { name: "No submissions match these filters" })).toBeVisible();
  expect(new URL(page.url()).searchParams.get("outcome")).toBe("unknown");
  await page.reload();
  await expect(page.getByRole("heading", { name: "No submissions match these filters" })).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Outcome" })).toHaveValue("unknown");
  await page.getByRole("button", { name: "Clear filters" }).first().click();
  await expect(row).toBeVisible();

  // Re-opened from the server, this browser having no copy: the results are all there.
  await row.getByRole("button", { name: /Open results/ }).click();
  await expect(page.getByRole("tab", { name: "Results", selected: true })).toBeVisible();
  const results = page.getByRole("table", { name: "Results" });
  await expect(results.getByText("Survives storage loss")).toBeVisible();
  await expect(results.getByRole("cell", { name: "created", exact: true })).toHaveCount(1);
});
