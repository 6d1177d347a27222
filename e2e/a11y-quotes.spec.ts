import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, focused, recordAnnouncements } from "./axe.ts";
import { importCsvFile } from "./composer-page.ts";
import { seededCrm } from "./crm.ts";

test.use({ viewport: { width: 1280, height: 720 } });

test.beforeEach(async ({ page }) => {
  await page.request.post("/api/simulator/reset");
  await page.goto("/");
});

/**
 * What issue 10 asks of whatever the line-items work adds: the line grid, its invalid cells, the batch
 * defaults, row details, results with line items and the undo confirmation pass axe, and the line grid keeps
 * the quote grid's keyboard contract (one Tab stop, F6 between the grids, messages as descriptions).
 */
test("complete quotes by keyboard: line grid, batch defaults, row details, results and undo pass axe", async ({
  page,
}, testInfo) => {
  test.slow();
  const { products, deal, template } = await seededCrm(page);
  const csv = [
    "Quote name,Expiration date,Deal,Quote template,Product,Quantity",
    `Acme renewal,2031-01-31,${deal},${template},${products[0]},2`,
    `Acme renewal,2031-01-31,${deal},${template},${products[1]},1`,
  ].join("\n");
  await importCsvFile(page, "lines.csv", csv, 2);
  const quotes = page.getByRole("grid", { name: "Quotes" });
  const lines = page.getByRole("grid", { name: "Line items" });
  await expect(lines).toHaveAttribute("aria-rowcount", "4");
  const spoken = await recordAnnouncements(page);

  // F6 from the quote grid to the line grid; a quantity that is not one is said and described.
  await quotes.focus();
  await page.keyboard.press("F6");
  await expect(lines).toBeFocused();
  await page.keyboard.press("ControlOrMeta+Home");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.type("-1");
  await page.keyboard.press("Enter");
  await expect.poll(spoken).toContainEqual(expect.stringMatching(/Quantity: Error: /));
  await page.keyboard.press("ArrowUp");
  const invalid = lines.locator('[role="gridcell"][aria-invalid="true"]').first();
  await expect(invalid).toHaveAccessibleDescription(/^Error: /);
  await expectNoAxeViolations(page, "line grid with an invalid line active");
  await page.screenshot({ path: testInfo.outputPath("a11y-line-invalid.png") });
  const invalidId = await invalid.getAttribute("id");

  // The problems list's "Go to cell" for a line item lands on that line's cell, in the line grid.
  await page.keyboard.press("ArrowDown");
  await page.getByRole("button", { name: /^1 error$/ }).click();
  const problems = page.getByRole("region", { name: "Problems" });
  await problems.getByRole("button", { name: /^Go to cell: row 1, / }).click();
  await expect(lines).toBeFocused();
  await expect(lines).toHaveAttribute("aria-activedescendant", invalidId ?? "");
  await page.getByRole("button", { name: /^1 error$/ }).click();
  await lines.focus();
  // The line grid is one Tab stop too: Tab leaves it.
  await page.keyboard.press("Tab");
  expect(await focused(page)).not.toMatch(/^DIV Line items$/);
  await lines.focus();
  await page.keyboard.press("ControlOrMeta+Z");
  await expect(invalid).toHaveCount(0);

  // Batch defaults: publish after creating.
  await page.getByRole("button", { name: /^Batch defaults/ }).click();
  await expectNoAxeViolations(page, "batch defaults open");
  await page.getByRole("checkbox", { name: "Publish the quotes after creating them" }).check();
  await page.keyboard.press("Escape");

  // Row details of the quote.
  await quotes.focus();
  await page.keyboard.press("ControlOrMeta+Home");
  await page.getByRole("button", { name: "Row details" }).click();
  const details = page.getByRole("dialog").first();
  await expect(details).toBeVisible();
  await expectNoAxeViolations(page, "row details");
  await page.keyboard.press("Escape");
  await expect(details).toBeHidden();

  await page.getByRole("button", { name: "Submit batch" }).click();
  const submit = page.getByRole("dialog", { name: "Submit batch" });
  await expectNoAxeViolations(page, "submit dialog with publish");
  await submit.getByRole("button", { name: "Create 1 quote" }).press("Enter");
  const progress = page.getByRole("region", { name: "Submission progress" });
  await expect(progress.getByText("Submission finished")).toBeVisible({ timeout: 30_000 });
  await progress.getByRole("link", { name: "See every row's outcome in Results" }).press("Enter");
  const results = page.getByRole("table", { name: "Results" });
  await expect(results.getByRole("cell", { name: "2/2", exact: true })).toBeVisible();
  await expectNoAxeViolations(page, "results with line items and links");

  const undo = page.getByRole("button", { name: "Undo: archive 1 quote" });
  await undo.focus();
  await page.keyboard.press("Enter");
  const confirm = page.getByRole("dialog", { name: "Archive the quote this submission created?" });
  await expect(confirm).toBeVisible();
  await expectNoAxeViolations(page, "undo confirmation");
  await page.screenshot({ path: testInfo.outputPath("a11y-undo-confirm.png") });
  await confirm.getByRole("button", { name: "Archive 1 quote" }).press("Enter");
  await expect(page.getByText("1 quote archived")).toBeVisible({ timeout: 20_000 });
  // The Undo button is gone: focus goes to what happened, not to <body>.
  await expect.poll(() => focused(page)).toMatch(/^DIV ✓1 quote archived/);
  await expectNoAxeViolations(page, "after undo");
});
