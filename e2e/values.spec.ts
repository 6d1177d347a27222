import { expect, type Locator, test } from "@playwright/test";

const cell = (grid: Locator, row: number, col: number) =>
  grid.locator(`[role="row"][aria-rowindex="${row + 2}"] [role="gridcell"][aria-colindex="${col + 2}"]`);

test("a Japanese IME composition on a focused cell is kept, and full-width dates are read", async ({
  page,
}) => {
  await page.goto("/");
  const grid = page.getByRole("grid", { name: "Quotes" });
  await expect(grid.getByRole("columnheader", { name: /Quote name/ })).toBeVisible();
  await page.getByRole("button", { name: "Add row" }).click();
  await grid.focus();

  // Chrome's IME path, through the DevTools protocol: a "Process" key, a composition, then its text.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Input.dispatchKeyEvent", {
    type: "rawKeyDown",
    key: "Process",
    code: "KeyK",
    windowsVirtualKeyCode: 229,
  });
  await cdp.send("Input.imeSetComposition", { text: "かぶしき", selectionStart: 4, selectionEnd: 4 });
  await cdp.send("Input.dispatchKeyEvent", { type: "keyUp", key: "Process", windowsVirtualKeyCode: 229 });
  const editor = page.getByRole("textbox", { name: "Quote name" });
  await expect(editor).toHaveValue("かぶしき");
  await cdp.send("Input.insertText", { text: "株式会社見積" });
  await expect(editor).toHaveValue("株式会社見積");
  await page.keyboard.press("Tab");
  await expect(cell(grid, 0, 0)).toHaveText("株式会社見積");

  // Full-width digits from the same IME, typed into the date cell: stored (and shown) as they are sent.
  await page.keyboard.press("F2");
  await page.keyboard.insertText("２０２６/１２/３１");
  await page.keyboard.press("Enter");
  await expect(cell(grid, 0, 1)).toHaveText("2026-12-31");
});
