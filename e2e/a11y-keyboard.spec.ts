import { expect, type Page, test } from "@playwright/test";
import { expectNoAxeViolations, focused, recordAnnouncements } from "./axe.ts";

/**
 * Presses Tab (or Shift+Tab) until focus is on what `want` matches, checking at every press that focus is
 * somewhere (never <body>). Fails after `max` presses: the control is not reachable by keyboard.
 */
async function tabTo(page: Page, want: RegExp, options: { back?: boolean; max?: number } = {}) {
  const seen: string[] = [];
  for (let n = 0; n < (options.max ?? 40); n++) {
    await page.keyboard.press(options.back ? "Shift+Tab" : "Tab");
    const now = await focused(page);
    seen.push(now);
    expect(now, `focus fell to <body> after ${seen.join(" → ")}`).not.toBe("BODY");
    if (want.test(now)) return seen.length;
  }
  throw new Error(`${want} not reached by ${options.back ? "Shift+Tab" : "Tab"}: ${seen.join(" → ")}`);
}

test.beforeEach(async ({ page }) => {
  await page.request.post("/api/simulator/reset");
});

test.use({ viewport: { width: 1280, height: 720 } });

test("compose, import a CSV, submit and read the results with the keyboard alone", async ({
  page,
}, testInfo) => {
  await page.goto("/");
  const grid = page.getByRole("grid", { name: "Quotes" });
  await expect(grid.getByRole("columnheader", { name: /Quote name/ })).toBeVisible();
  const spoken = await recordAnnouncements(page);

  // The grid is one Tab stop: reached from the page, left with one more Tab.
  await tabTo(page, /^DIV Quotes$/);
  await expect(grid).toBeFocused();
  await expect(grid).toHaveAccessibleDescription(/Tab leaves the grid/);
  await page.keyboard.press("Control+Shift+Equal");
  await expect(grid).toHaveAttribute("aria-rowcount", "2");
  await expect.poll(spoken).toContain("Row 1 added.");
  await page.keyboard.press("Enter");
  const editor = page.getByRole("textbox", { name: "Quote name, row 1" });
  await expect(editor).toBeFocused();
  await page.keyboard.type("Typed by keyboard");
  // Tab commits and moves right, as in a spreadsheet; typing there starts editing that cell.
  await page.keyboard.press("Tab");
  await expect(grid).toBeFocused();
  await page.keyboard.type("2031-03-01");
  await expect(
    page.getByRole("textbox", { name: "Quote expiration date, row 1", exact: true }),
  ).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(grid).toBeFocused();
  await page.keyboard.press("ControlOrMeta+Home");
  await page.keyboard.press("End");
  await page.keyboard.press("Home");
  await page.keyboard.press("Tab");
  expect(await focused(page)).not.toMatch(/^DIV Quotes$/);
  await page.keyboard.press("Shift+Tab");
  await expect(grid).toBeFocused();

  // The keyboard help, from inside the grid; Escape returns to the grid.
  await page.keyboard.press("ControlOrMeta+Slash");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts in the grids" });
  await expect(help).toBeVisible();
  await expect(help.getByText("Ctrl+Shift+=")).toBeVisible();
  await expectNoAxeViolations(page, "keyboard help");
  await page.keyboard.press("Escape");
  await expect(grid).toBeFocused();

  // Import a CSV file: the file input (Space opens the chooser), step 1, step 2, import.
  await tabTo(page, /Import CSV/, { back: true });
  const chooser = page.waitForEvent("filechooser");
  await page.keyboard.press("Space");
  await (await chooser).setFiles({
    name: "quotes.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("Quote name,Expiration date\nCSV one,2031-04-01\nCSV two,2031-04-02\n"),
  });
  const dialog = page.getByRole("dialog", { name: "Import “quotes.csv”" });
  await expect(dialog).toBeVisible();
  await tabTo(page, /^BUTTON Next: map columns$/);
  await page.keyboard.press("Enter");
  const mapping = page.getByRole("dialog", { name: /Map the columns/ });
  await expect(mapping.getByLabel('Import "Quote name" as')).toBeFocused();
  await tabTo(page, /^BUTTON Import 2 rows$/);
  await page.keyboard.press("Enter");
  await expect(mapping).toBeHidden();
  expect(await focused(page)).not.toBe("BODY");
  await expect(grid).toHaveAttribute("aria-rowcount", "4");
  await expect.poll(spoken).toContain("Imported 2 rows");

  // Submit: the dialog, Create, then focus on the progress panel, then the link to Results.
  await tabTo(page, /^BUTTON Submit batch$/);
  await page.keyboard.press("Enter");
  await tabTo(page, /^BUTTON Create 3 quotes$/);
  await page.keyboard.press("Enter");
  const progress = page.getByRole("region", { name: "Submission progress" });
  await expect(progress).toBeFocused();
  await expect(progress.getByText("Submission finished")).toBeVisible({ timeout: 15_000 });
  await tabTo(page, /^A See every row's outcome in Results$/);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Results", level: 2 })).toBeFocused();
  await page.screenshot({ path: testInfo.outputPath("keyboard-results.png") });

  // Read the results: Tab moves into the Results section's controls and table.
  await tabTo(page, /^BUTTON Export/);
  await expect(page.getByRole("table", { name: "Results" })).toContainText("CSV two");
  await expect
    .poll(spoken)
    .toEqual(
      expect.arrayContaining([
        "Submission started: 3 quotes to send.",
        "Submission finished: 3 created, 0 failed, 0 unknown, 0 not sent.",
      ]),
    );
});

test("announcements: fill down, undo, redo, rows deleted, an invalid value committed, an edit canceled", async ({
  page,
}) => {
  await page.goto("/");
  const grid = page.getByRole("grid", { name: "Quotes" });
  await expect(grid.getByRole("columnheader", { name: /Quote name/ })).toBeVisible();
  const spoken = await recordAnnouncements(page);
  await grid.focus();
  await page.keyboard.press("Control+Shift+Equal");
  await page.keyboard.press("Control+Shift+Equal");
  await page.keyboard.type("Same name");
  await page.keyboard.press("Enter");
  await page.keyboard.press("ControlOrMeta+Home");
  await page.keyboard.press("Shift+ArrowDown");
  await page.keyboard.press("ControlOrMeta+D");
  await expect.poll(spoken).toContain("Filled 1 cell.");
  await page.keyboard.press("ControlOrMeta+Z");
  await expect.poll(spoken).toContain("Undid fill down.");
  await page.keyboard.press("ControlOrMeta+Shift+Z");
  await expect.poll(spoken).toContain("Redid fill down.");

  // A date that is not one: said with its message when committed, and described on the cell.
  await page.keyboard.press("ControlOrMeta+Home");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.type("not a date");
  await page.keyboard.press("Enter");
  await expect.poll(spoken).toContainEqual(expect.stringMatching(/^Row 1, Quote expiration date: Error: /));
  const invalid = grid.locator('[role="gridcell"][aria-invalid="true"]').first();
  await expect(invalid).toHaveAccessibleDescription(/^Error: /);
  await expect(invalid).not.toHaveAttribute("title");
  await page.keyboard.press("ArrowUp");
  await expectNoAxeViolations(page, "invalid cell active with its message");

  await page.keyboard.press("F2");
  await page.keyboard.press("Escape");
  await expect.poll(spoken).toContain("Edit canceled; Quote expiration date in row 1 is unchanged.");
  await expect(grid).toBeFocused();

  await page.keyboard.press("ControlOrMeta+Minus");
  await expect.poll(spoken).toContain("1 row deleted.");
});
