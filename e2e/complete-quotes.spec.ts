import { expect, test } from "@playwright/test";
import { importCsvFile } from "./composer-page.ts";
import { seededCrm } from "./crm.ts";

test.beforeEach(async ({ page }) => {
  await page.request.post("/api/simulator/reset");
  await page.goto("/");
});

test("quotes with their line items: submitted, published, amounts and links in Results, then undone", async ({
  page,
}) => {
  const { products, deal, template } = await seededCrm(page);
  const csv = [
    "Quote name,Expiration date,Deal,Quote template,Product,Quantity",
    `Acme renewal,2031-01-31,${deal},${template},${products[0]},2`,
    `Acme renewal,2031-01-31,${deal},${template},${products[1]},1`,
    `Globex upgrade,2031-02-28,${deal},${template},${products[2]},3`,
  ].join("\n");
  await importCsvFile(page, "lines.csv", csv, 3);
  await expect(page.getByText("2 quotes with 3 line items.")).toBeVisible();

  await page.getByRole("button", { name: /^Batch defaults/ }).click();
  await page.getByRole("checkbox", { name: "Publish the quotes after creating them" }).check();
  await page.keyboard.press("Escape");

  // 30% of every write answered 502 after HubSpot applied it: nothing may be created twice.
  await page.request.post("/api/simulator/faults", { data: { failAfterApplyRate: 0.3 } });
  await page.getByRole("button", { name: "Submit batch" }).click();
  await page
    .getByRole("dialog", { name: "Submit batch" })
    .getByRole("button", { name: "Create 2 quotes" })
    .click();
  const progress = page.getByRole("region", { name: "Submission progress" });
  await expect(progress.getByText("Submission finished")).toBeVisible({ timeout: 30_000 });
  await page.request.post("/api/simulator/faults", { data: { failAfterApplyRate: 0 } });

  await page.getByRole("tab", { name: "Results" }).click();
  const reconcile = page.getByRole("button", { name: /^Reconcile/ });
  if (await reconcile.isEnabled()) {
    await reconcile.click();
    // Wait for reconcile's verdict: only then is it known which quotes still miss their line items.
    await expect(page.getByText(/found in HubSpot/)).toBeVisible({ timeout: 30_000 });
  }
  const finish = page.getByRole("button", { name: /^Finish \d+ incomplete/ });
  for (let i = 0; i < 3 && (await finish.isVisible()); i++) {
    await finish.click();
    await expect(page.getByRole("button", { name: /^Undo: archive/ })).toBeEnabled({ timeout: 30_000 });
  }
  const results = page.getByRole("table", { name: "Results" });
  await expect(results.getByRole("cell", { name: "2/2", exact: true })).toBeVisible();
  await expect(results.getByRole("cell", { name: "1/1", exact: true })).toBeVisible();
  await expect(results.getByRole("link", { name: "Quote", exact: true })).toHaveCount(2);
  await expect(results.getByRole("link", { name: "PDF" })).toHaveCount(2);
  await expect(results.locator(".results-table__amount").first()).toHaveText(/\d/);

  const quotes = await page.request.get("/api/simulator/quotes").then((r) => r.json());
  const lines = await page.request.get("/api/simulator/line-items").then((r) => r.json());
  expect(quotes.count).toBe(2);
  expect(lines.count).toBe(3);

  await page.getByRole("button", { name: "Undo: archive 2 quotes" }).click();
  const confirm = page.getByRole("dialog", { name: "Archive the 2 quotes this submission created?" });
  await expect(confirm).toContainText(
    "2 quotes and, with them, their 3 line items will be archived in Simulator.",
  );
  await confirm.getByRole("button", { name: "Archive 2 quotes" }).click();
  await expect(page.getByText("2 quotes archived")).toBeVisible({ timeout: 20_000 });
});
