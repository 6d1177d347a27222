import { expect, type Page, test } from "@playwright/test";
import { expectNoAxeViolations, focused, recordAnnouncements } from "./axe.ts";
import { pasteText } from "./clipboard.ts";
import { openComposer } from "./composer-page.ts";

const CSV =
  "Quote name,Expiration date,Internal note\nSpring renewal,2031-01-01,keep\nSummer upsell,2031-02-01,skip\n";

test.beforeEach(async ({ context, page }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.request.post("/api/simulator/reset");
});

/** True when focus is on the first field of the open dialog's body (where a step starts). */
async function onFirstFieldOfDialog(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const body = document.querySelector("dialog[open] .ui-dialog__body");
    const first =
      body?.querySelector<HTMLElement>("[data-autofocus]") ??
      body?.querySelector<HTMLElement>(
        'input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled])',
      );
    return first !== undefined && first !== null && document.activeElement === first;
  });
}

/** Paste CSV → step 1 → step 2, checked with axe and for where focus starts on each step. */
async function importByPaste(page: Page, text: string, labels = EN) {
  await page.getByRole("button", { name: labels.pasteCsv }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("textbox").fill(text);
  await dialog.getByRole("button", { name: labels.preview }).click();
  await expect(dialog.getByRole("button", { name: labels.next })).toBeEnabled();
  await expect
    .poll(() => onFirstFieldOfDialog(page), { message: "step 1 starts on its first field" })
    .toBe(true);
  await expectNoAxeViolations(page, "import step 1");
  return dialog;
}

const EN = { pasteCsv: "Paste CSV", preview: "Preview", next: "Next: map columns", back: "Back" };

test.describe("at 1280×720", () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test("axe finds nothing in any state of the flow, and focus never falls to <body>", async ({
    page,
  }, testInfo) => {
    // A dozen axe runs over the whole page: about 50 s alone, more on a loaded machine.
    test.slow();
    const grid = await openComposer(page);
    const spoken = await recordAnnouncements(page);
    await expectNoAxeViolations(page, "empty composer");
    await page.screenshot({ path: testInfo.outputPath("a11y-empty-1280.png") });

    // Import: step 2 starts on its first field (Enter twice used to hit Cancel), Back returns to step 1's.
    const dialog = await importByPaste(page, CSV);
    await dialog.getByRole("button", { name: EN.next }).click();
    await expect(dialog.getByRole("button", { name: "Import 2 rows" })).toBeEnabled();
    await expect
      .poll(() => onFirstFieldOfDialog(page), { message: "step 2 starts on its first field" })
      .toBe(true);
    await expect(dialog.getByLabel('Import "Quote name" as')).toBeFocused();
    await expectNoAxeViolations(page, "import step 2");
    await page.screenshot({ path: testInfo.outputPath("a11y-import-step2-1280.png") });
    await dialog.getByRole("button", { name: EN.back }).click();
    await expect(dialog.getByRole("button", { name: EN.next })).toBeVisible();
    await expect
      .poll(() => onFirstFieldOfDialog(page), { message: "Back returns to step 1's first field" })
      .toBe(true);
    await dialog.getByRole("button", { name: EN.next }).click();
    await dialog.getByRole("button", { name: "Import 2 rows" }).click();
    await expect(dialog).toBeHidden();
    await expect(grid).toHaveAttribute("aria-rowcount", "3");
    await expect.poll(spoken).toContain("Imported 2 rows");
    await expectNoAxeViolations(page, "after the import, with its notice");

    // The problems list says whether it is open and closes with Escape, back on the button that opened it.
    await grid.focus();
    await page.keyboard.press("ControlOrMeta+Home");
    await page.keyboard.press("Delete");
    const errors = page.getByRole("button", { name: /^\d+ errors?$/ });
    await expect(errors).toHaveAttribute("aria-expanded", "false");
    await errors.click();
    await expect(errors).toHaveAttribute("aria-expanded", "true");
    const problems = page.getByRole("region", { name: "Problems" });
    const goTo = problems.getByRole("button", { name: "Go to cell: row 1, Quote name" });
    await expect(goTo).toBeVisible();
    await expectNoAxeViolations(page, "problems list open");
    await goTo.focus();
    await page.keyboard.press("Escape");
    await expect(problems).toBeHidden();
    await expect(errors).toBeFocused();
    await expect(errors).toHaveAttribute("aria-expanded", "false");
    await grid.focus();
    await page.keyboard.press("ControlOrMeta+Z");
    await expect(grid).toContainText("Spring renewal");

    // Drafts: Escape closes the panel and returns to its button.
    const drafts = page.getByRole("button", { name: /^Draft: / });
    await drafts.click();
    await expect(drafts).toHaveAttribute("aria-expanded", "true");
    await page.getByRole("textbox", { name: "Draft name" }).focus();
    await page.keyboard.press("Escape");
    await expect(drafts).toHaveAttribute("aria-expanded", "false");
    await expect(drafts).toBeFocused();

    // Column chooser: removing the last column, or moving one to the end, keeps focus in the list.
    await page.getByRole("button", { name: "Columns", exact: true }).click();
    const chooser = page.getByRole("dialog", { name: "Choose columns" });
    const order = chooser.getByRole("list", { name: "Shown columns, in order" });
    const removes = order.getByRole("button", { name: /^Remove / });
    const count = await removes.count();
    await removes.last().focus();
    await page.keyboard.press("Enter");
    await expect(removes).toHaveCount(count - 1);
    expect(await focused(page)).toMatch(/^BUTTON Remove /);
    await expect(removes.last()).toBeFocused();
    const downs = order.getByRole("button", { name: /^Move .* down$/ });
    const secondLast = (await downs.nth((await downs.count()) - 2).getAttribute("aria-label")) ?? "";
    await downs.nth((await downs.count()) - 2).focus();
    await page.keyboard.press("Enter");
    const moved = secondLast.replace(/^Move (.*) down$/, "$1");
    await expect(order.getByRole("button", { name: `Move ${moved} up` })).toBeFocused();
    await expectNoAxeViolations(page, "column chooser");
    await chooser.getByRole("button", { name: "Cancel" }).click();

    // Submit: after "Create N quotes" focus is on the progress panel (the Submit button is disabled).
    await page.request.post("/api/simulator/faults", { data: { latencyMs: 1200 } });
    await page.getByRole("button", { name: "Submit batch" }).click();
    const submit = page.getByRole("dialog", { name: "Submit batch" });
    await expect(submit.getByRole("button", { name: "Create 2 quotes" })).toBeEnabled();
    await expectNoAxeViolations(page, "submit dialog");
    await page.screenshot({ path: testInfo.outputPath("a11y-submit-dialog-1280.png") });
    await submit.getByRole("button", { name: "Create 2 quotes" }).press("Enter");
    const progress = page.getByRole("region", { name: "Submission progress" });
    await expect(progress).toBeFocused();
    await expect(progress.getByText("Submitting batch…")).toBeVisible();
    await expectNoAxeViolations(page, "progress running");
    await page.screenshot({ path: testInfo.outputPath("a11y-progress-1280.png") });
    await expect(progress.getByText("Submission finished")).toBeVisible({ timeout: 15_000 });
    await page.request.post("/api/simulator/faults", { data: { latencyMs: 0 } });
    await expectNoAxeViolations(page, "progress finished");
    await expect
      .poll(spoken)
      .toEqual(
        expect.arrayContaining([
          "Submission started: 2 quotes to send.",
          "Submission finished: 2 created, 0 failed, 0 unknown, 0 not sent.",
        ]),
      );

    // The link to Results hides the panel it is in: focus goes to the Results heading.
    await progress.getByRole("link", { name: "See every row's outcome in Results" }).press("Enter");
    await expect(page.getByRole("heading", { name: "Results", level: 2 })).toBeFocused();
    await expectNoAxeViolations(page, "results");
    await page.screenshot({ path: testInfo.outputPath("a11y-results-1280.png") });

    await page.getByRole("tab", { name: "History" }).click();
    await expect(page.getByRole("tabpanel", { name: "History" }).getByRole("table")).toContainText(
      "finished",
    );
    await expectNoAxeViolations(page, "history");

    await page.getByRole("tab", { name: "HubSpot properties" }).click();
    const table = page.getByRole("region", { name: "Quote properties table (scrolls)" });
    await expect(table).toHaveAttribute("tabindex", "0");
    await expect(table.getByRole("table")).toBeVisible();
    await expectNoAxeViolations(page, "properties");
  });

  test("the page keeps room below its content for the dock: nothing stays under a notice", async ({
    page,
  }) => {
    await openComposer(page);
    const rows = Array.from({ length: 3 }, (_, n) => `Quote ${n + 1},2031-01-01,JPY`).join("\n");
    const dialog = await importByPaste(page, `Quote name,Expiration date,Currency\n${rows}\n`);
    await dialog.getByRole("button", { name: EN.next }).click();
    await dialog.getByRole("button", { name: "Import 3 rows" }).click();
    // A warning stays until dismissed.
    const notice = page.getByRole("region", { name: "Notifications" }).locator(".ui-dock__toast");
    await expect(notice).toBeVisible();
    // Scrolled to the end, the last of the page (the line-item grid and its buttons) sits above the notice.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const toast = await notice.boundingBox();
    const lines = await page.getByRole("grid", { name: "Line items" }).boundingBox();
    if (!toast || !lines) throw new Error("the notice or the line-item grid is not laid out");
    expect(lines.y + lines.height).toBeLessThanOrEqual(toast.y);
  });

  test("a notice never covers the active cell (WCAG 2.4.11)", async ({ page }) => {
    const grid = await openComposer(page);
    // A warning notice stays until dismissed; 40 rows put the last ones at the bottom of the grid.
    const rows = Array.from({ length: 40 }, (_, n) => `Quote ${n + 1},2031-01-01,JPY`).join("\n");
    const dialog = await importByPaste(page, `Quote name,Expiration date,Currency\n${rows}\n`);
    await dialog.getByRole("button", { name: EN.next }).click();
    await dialog.getByRole("button", { name: "Import 40 rows" }).click();
    const notice = page.getByRole("region", { name: "Notifications" }).locator(".ui-dock__toast");
    await expect(notice).toBeVisible();
    await grid.focus();
    for (const keys of ["ControlOrMeta+End", "ControlOrMeta+Home", "ControlOrMeta+End"]) {
      await page.keyboard.press(keys);
      const covered = await page.evaluate(() => {
        const grid = document.querySelector('[role="grid"][aria-label="Quotes"]');
        const id = grid?.getAttribute("aria-activedescendant");
        const cell = id ? document.getElementById(id) : null;
        const toast = document.querySelector(".ui-dock__toast");
        if (!cell || !toast) return "missing";
        const a = cell.getBoundingClientRect();
        const b = toast.getBoundingClientRect();
        return a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top;
      });
      expect(covered, `after ${keys}`).toBe(false);
    }
  });
});

test.describe("Japanese UI", () => {
  test.use({ locale: "ja-JP", timezoneId: "Asia/Tokyo", viewport: { width: 1280, height: 720 } });

  test("axe finds nothing in the composer, the import steps and the submit dialog", async ({
    page,
  }, testInfo) => {
    const grid = await openComposer(page);
    await expect(page.locator("html")).toHaveAttribute("lang", "ja");
    await expectNoAxeViolations(page, "composer (ja)");
    await grid.focus();
    await pasteText(page, grid, "春の更新見積\t2031-01-01\r\n");
    await expect(grid).toHaveAttribute("aria-rowcount", "2");
    await page.screenshot({ path: testInfo.outputPath("a11y-composer-ja.png") });
    await page.getByRole("button", { name: "送信" }).first().click();
    await expect(page.getByRole("dialog")).toBeVisible();
    await expectNoAxeViolations(page, "submit dialog (ja)");
    await page.screenshot({ path: testInfo.outputPath("a11y-submit-ja.png") });
  });
});

test.describe("200 % zoom (1280×720 at 2×: 640×360 CSS px)", () => {
  test.use({ viewport: { width: 640, height: 360 }, deviceScaleFactor: 2 });

  test("axe finds nothing, the grid keeps a usable height and the page does not scroll sideways", async ({
    page,
  }, testInfo) => {
    const grid = await openComposer(page);
    await grid.focus();
    await pasteText(page, grid, "Spring renewal\t2031-01-01\r\nSummer upsell\t2031-02-01\r\n");
    await expect(grid).toHaveAttribute("aria-rowcount", "3");
    await expectNoAxeViolations(page, "composer at 200 %");
    const { gridHeight, overflow } = await page.evaluate(() => ({
      gridHeight:
        document.querySelector('[role="grid"][aria-label="Quotes"]')?.getBoundingClientRect().height ?? 0,
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    }));
    expect(gridHeight).toBeGreaterThanOrEqual(160);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: testInfo.outputPath("a11y-composer-200.png") });
    await page.getByRole("button", { name: "Submit batch" }).click();
    await expectNoAxeViolations(page, "submit dialog at 200 %");
    await page.screenshot({ path: testInfo.outputPath("a11y-submit-200.png") });
  });
});

test.describe("forced colours", () => {
  test.use({ viewport: { width: 1280, height: 720 }, colorScheme: "light" });

  test("the active cell, the selected range and errors stay visible", async ({ page }, testInfo) => {
    await page.emulateMedia({ forcedColors: "active" });
    const grid = await openComposer(page);
    await grid.focus();
    await pasteText(page, grid, "Spring renewal\tnot a date\r\nSummer upsell\t2031-02-01\r\n");
    await expect(grid).toHaveAttribute("aria-rowcount", "3");
    await page.keyboard.press("ControlOrMeta+Home");
    await page.keyboard.press("Shift+ArrowDown");
    const styles = await page.evaluate(() => {
      const cellStyle = (selector: string) => {
        const element = document.querySelector(selector);
        if (!element) return "missing";
        const style = getComputedStyle(element);
        return `${style.outlineStyle} ${style.outlineWidth}`;
      };
      const mark = document.querySelector(".composer-cell.is-invalid .composer-cell__mark");
      return {
        active: cellStyle(".composer-cell.is-active"),
        selected: cellStyle(".composer-cell.is-selected:not(.is-active)"),
        mark: mark ? getComputedStyle(mark).backgroundColor : "missing",
      };
    });
    expect(styles.active).toMatch(/^solid 3px/);
    expect(styles.selected).toMatch(/^solid 1px/);
    expect(styles.mark).not.toBe("missing");
    expect(styles.mark).not.toBe("rgba(0, 0, 0, 0)");
    await expectNoAxeViolations(page, "forced colours");
    await page.screenshot({ path: testInfo.outputPath("a11y-forced-colours.png") });
  });
});
