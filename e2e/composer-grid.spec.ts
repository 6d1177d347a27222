import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, test } from "@playwright/test";
import { pasteText } from "./clipboard.ts";

const cell = (grid: Locator, row: number, col: number) =>
  grid.locator(`[role="row"][aria-rowindex="${row + 2}"] [role="gridcell"][aria-colindex="${col + 2}"]`);

test.beforeEach(async ({ context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
});

test("keyboard-only editing, a clipboard paste and undo", async ({ page }, testInfo) => {
  await page.goto("/");
  const grid = page.getByRole("grid", { name: "Quotes" });
  await expect(grid.getByRole("columnheader", { name: /Quote name/ })).toBeVisible();
  await expect(page.getByText("Drop a CSV or paste from a spreadsheet")).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("composer-empty.png") });

  // Add a row from the toolbar with the keyboard; focus lands in the grid.
  await page.getByRole("button", { name: "Add row" }).focus();
  await page.keyboard.press("Enter");
  await expect(grid).toBeFocused();

  await page.keyboard.type("Acme renewal");
  await expect(page.getByRole("textbox", { name: "Quote name" })).toHaveValue("Acme renewal");
  await page.keyboard.press("Tab");
  await page.keyboard.type("2030/6/30");
  await page.screenshot({ path: testInfo.outputPath("composer-editing.png") });
  await page.keyboard.press("Enter");
  await expect(cell(grid, 0, 0)).toHaveText("Acme renewal");
  await expect(cell(grid, 0, 1)).toHaveText("2030-06-30");
  await expect(grid).toBeFocused();

  // Paste three rows of TSV (a quoted field with a newline and a tab) at the first cell.
  await page.keyboard.press("ControlOrMeta+Home");
  const tsv =
    'Pasted one\t2031-01-01\r\n"Pasted ""two""\nsecond line"\t2031-01-02\r\nPasted three\t2031-01-03\r\n';
  await pasteText(page, grid, tsv);
  await expect(grid).toHaveAttribute("aria-rowcount", "4");
  await expect(cell(grid, 0, 0)).toHaveText("Pasted one");
  await expect(cell(grid, 1, 0)).toContainText('Pasted "two"');
  await expect(cell(grid, 2, 1)).toHaveText("2031-01-03");
  await expect(page.getByText(/Pasted 6 cells and added 2 rows/)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("composer-data.png") });

  // Undo the paste in one step: the typed value comes back and the added rows go.
  await grid.focus();
  await page.keyboard.press("ControlOrMeta+Z");
  await expect(cell(grid, 0, 0)).toHaveText("Acme renewal");
  await expect(grid).toHaveAttribute("aria-rowcount", "2");
  await page.keyboard.press("ControlOrMeta+Shift+Z");
  await expect(cell(grid, 0, 0)).toHaveText("Pasted one");
});

test("copy a range as TSV, fill down, clear and see errors marked", async ({ page }, testInfo) => {
  await page.goto("/");
  const grid = page.getByRole("grid", { name: "Quotes" });
  await expect(grid.getByRole("columnheader", { name: /Quote name/ })).toBeVisible();
  await grid.focus();
  await pasteText(page, grid, "A\t2031-01-01\r\nB\t2031-01-02\r\nC\t2031-01-03\r\n");
  await expect(grid).toHaveAttribute("aria-rowcount", "4");

  await page.keyboard.press("ControlOrMeta+Home");
  await page.keyboard.press("Shift+ArrowDown");
  await page.keyboard.press("Shift+ArrowDown");
  await page.keyboard.press("ControlOrMeta+D");
  await expect(cell(grid, 2, 0)).toHaveText("A");

  // The fill handle: drag the small square at the selection's corner down over the next row.
  await page.keyboard.press("ControlOrMeta+Home");
  await page.keyboard.press("ArrowRight");
  const handle = grid.locator("[data-fill-handle]");
  const from = await handle.boundingBox();
  const to = await cell(grid, 1, 1).boundingBox();
  if (!from || !to) throw new Error("fill handle or target cell not on screen");
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect(cell(grid, 1, 1)).toHaveText("2031-01-01");
  await expect(cell(grid, 2, 1)).toHaveText("2031-01-03");
  await page.keyboard.press("ControlOrMeta+Z");
  await expect(cell(grid, 1, 1)).toHaveText("2031-01-02");

  await page.keyboard.press("ControlOrMeta+Home");
  await page.keyboard.press("Shift+ArrowDown");
  await page.keyboard.press("Shift+ArrowDown");
  await page.keyboard.press("ControlOrMeta+C");
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe("A\r\nA\r\nA\r\n");

  // Clearing a required cell and typing a bad date shows errors by more than colour.
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Delete");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.type("not a date");
  // Enter on the last row commits and stays there.
  await page.keyboard.press("Enter");
  const bad = cell(grid, 2, 1);
  await expect(bad).toHaveAttribute("aria-invalid", "true");
  await expect(bad).toHaveText(/not a date/);
  // The message is the cell's description (an element outside the rows), not a tooltip inside the row.
  await expect(bad).toHaveAccessibleDescription(/date/i);
  await expect(page.getByRole("button", { name: /errors?$/ }).first()).toContainText(/[1-9]/);
  await page.screenshot({ path: testInfo.outputPath("composer-errors.png") });
});

test("the composer has no serious or critical accessibility violations", async ({ page }) => {
  await page.goto("/");
  const grid = page.getByRole("grid", { name: "Quotes" });
  await expect(grid.getByRole("columnheader", { name: /Quote name/ })).toBeVisible();
  const empty = await new AxeBuilder({ page }).include('[aria-label="Composer"]').analyze();
  await grid.focus();
  await pasteText(page, grid, "Valid\t2031-01-01\r\n\tnot a date\r\n");
  await expect(grid).toHaveAttribute("aria-rowcount", "3");
  await page.keyboard.press("F2");
  const withData = await new AxeBuilder({ page }).include('[aria-label="Composer"]').analyze();
  const serious = [...empty.violations, ...withData.violations].filter(
    (violation) => violation.impact === "serious" || violation.impact === "critical",
  );
  expect(
    serious.map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
    ),
  ).toEqual([]);
});
