import type { Locator, Page } from "@playwright/test";

/**
 * Pastes text into the grid as a user would: write the system clipboard, press Ctrl+V. Under load the real
 * paste can land late, so wait for the row count to change before falling back to a paste event carrying
 * the text (a double paste would break the tests' counts).
 */
export async function pasteText(page: Page, grid: Locator, text: string): Promise<void> {
  const before = await grid.getAttribute("aria-rowcount");
  await page.evaluate((value) => navigator.clipboard.writeText(value), text);
  await page.keyboard.press("ControlOrMeta+V");
  for (let waited = 0; waited < 1500; waited += 100) {
    if ((await grid.getAttribute("aria-rowcount")) !== before) return;
    await page.waitForTimeout(100);
  }
  await grid.evaluate((element, value) => {
    const data = new DataTransfer();
    data.setData("text/plain", value);
    element.dispatchEvent(
      new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, text);
}
