import { expect, type Locator, type Page, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe.ts";
import { pasteText } from "./clipboard.ts";
import { openComposer } from "./composer-page.ts";

test.beforeEach(async ({ context, page }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.request.post("/api/simulator/reset");
});

/** How far the page itself scrolls sideways (0 when it reflows; the grid may scroll inside itself). */
function pageOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** The part of an element's box outside the viewport, in CSS px on each side (all 0 when it is inside). */
async function outsideViewport(locator: Locator) {
  const box = await locator.boundingBox();
  const size = locator.page().viewportSize();
  if (!box || !size) throw new Error("no box");
  return {
    left: Math.max(0, -box.x),
    right: Math.max(0, box.x + box.width - size.width),
    bottom: Math.max(0, box.y + box.height - size.height),
  };
}

test.describe("at 320 CSS px wide (WCAG 1.4.10 reflow)", () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test("every section reflows: the page never scrolls sideways, only the grid scrolls inside", async ({
    page,
  }, testInfo) => {
    const grid = await openComposer(page);
    await grid.focus();
    await pasteText(page, grid, "Spring renewal\t2031-01-01\r\nSummer upsell\t2031-02-01\r\n");
    await expect(grid).toHaveAttribute("aria-rowcount", "3");
    expect(await pageOverflow(page), "compose").toBeLessThanOrEqual(0);
    await page.screenshot({ path: testInfo.outputPath("reflow-320-compose.png"), fullPage: true });
    await expectNoAxeViolations(page, "composer at 320 px");

    await page.getByRole("button", { name: "Submit batch" }).click();
    const submit = page.getByRole("dialog", { name: "Submit batch" });
    await expect(submit.getByRole("button", { name: "Create 2 quotes" })).toBeEnabled();
    expect(await outsideViewport(submit.getByRole("button", { name: "Create 2 quotes" }))).toEqual({
      left: 0,
      right: 0,
      bottom: 0,
    });
    expect(await pageOverflow(page), "submit dialog").toBeLessThanOrEqual(0);
    await page.screenshot({ path: testInfo.outputPath("reflow-320-submit.png") });
    await submit.getByRole("button", { name: "Create 2 quotes" }).click();
    const progress = page.getByRole("region", { name: "Submission progress" });
    await expect(progress.getByText("Submission finished")).toBeVisible({ timeout: 15_000 });
    expect(await pageOverflow(page), "progress").toBeLessThanOrEqual(0);

    for (const section of ["Results", "History", "HubSpot properties"]) {
      await page.getByRole("tab", { name: section }).click();
      await expect(page.getByRole("tabpanel", { name: section })).toBeVisible();
      expect(await pageOverflow(page), section).toBeLessThanOrEqual(0);
      await expectNoAxeViolations(page, `${section} at 320 px`);
      await page.screenshot({ path: testInfo.outputPath(`reflow-320-${section.replace(/ /g, "-")}.png`) });
    }
  });
});

test.describe("at 1280×720", () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test("each editor open passes axe; the lookup list at the right edge stays inside the viewport", async ({
    page,
  }, testInfo) => {
    const grid = await openComposer(page);
    await grid.focus();
    await pasteText(page, grid, "Spring renewal\t2031-01-01\r\n");
    await expect(grid).toHaveAttribute("aria-rowcount", "2");

    // A text editor, a date editor and an options list, each open in turn.
    await page.keyboard.press("ControlOrMeta+Home");
    await page.keyboard.press("Enter");
    await expect(page.getByRole("textbox", { name: "Quote name, row 1", exact: true })).toBeFocused();
    await expectNoAxeViolations(page, "text editor open");
    await page.keyboard.press("Escape");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    await expect(
      page.getByRole("textbox", { name: "Quote expiration date, row 1", exact: true }),
    ).toBeFocused();
    await expectNoAxeViolations(page, "date editor open");
    await page.keyboard.press("Escape");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    await expectNoAxeViolations(page, "options editor open");
    await page.keyboard.press("Escape");

    // The last column (Company) at the right edge: typing starts its lookup, whose list stays on screen.
    await page.keyboard.press("End");
    await page.keyboard.type("a");
    const list = page.getByRole("listbox");
    await expect(list.getByRole("option").first()).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath("lookup-right-edge.png") });
    expect(await outsideViewport(list)).toEqual({ left: 0, right: 0, bottom: 0 });
    await expectNoAxeViolations(page, "lookup results listed");
    // Escape closes the list first (a combobox's own Escape), then cancels the edit.
    await page.keyboard.press("Escape");
    await expect(list).toBeHidden();
    await page.keyboard.press("Escape");
    await expect(grid).toBeFocused();
  });
});
