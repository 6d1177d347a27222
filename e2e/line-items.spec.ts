import { expect, type Locator, test } from "@playwright/test";
import { pasteText } from "./clipboard.ts";
import { seededCrm } from "./crm.ts";

const cell = (grid: Locator, row: number, col: number) =>
  grid.locator(`[role="row"][aria-rowindex="${row + 2}"] [role="gridcell"][aria-colindex="${col + 2}"]`);

test.beforeEach(async ({ context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
});

test("a quote with 3 line items by keyboard, lines pasted from TSV, undo, and all restored after a reload", async ({
  page,
}, testInfo) => {
  await page.goto("/");
  const quotes = page.getByRole("grid", { name: "Quotes" });
  const lines = page.getByRole("grid", { name: "Line items" });
  await expect(quotes.getByRole("columnheader", { name: /Quote name/ })).toBeVisible();

  await page.getByRole("button", { name: "Add row" }).click();
  await page.keyboard.type("Acme renewal");
  await page.keyboard.press("Enter");
  await expect(cell(quotes, 0, 0)).toHaveText("Acme renewal");
  await expect(page.getByRole("heading", { name: "Line items of quote 1, Acme renewal" })).toBeVisible();

  // F6 moves to the line grid; its last row adds a line. Three lines: quantity, Tab, unit price, Enter.
  await quotes.focus();
  await page.keyboard.press("F6");
  await expect(lines).toBeFocused();
  await page.keyboard.press("ArrowRight");
  for (const [quantity, price] of [
    ["2", "100"],
    ["1", "49.5"],
    ["3", "10"],
  ] as const) {
    await page.keyboard.type(quantity);
    await page.keyboard.press("Tab");
    await page.keyboard.type(price);
    await page.keyboard.press("Enter");
    await page.keyboard.press("ArrowLeft");
  }
  await expect(lines).toHaveAttribute("aria-rowcount", "5");
  await expect(cell(lines, 1, 2)).toHaveText("49.5");
  await expect(quotes.getByRole("rowheader", { name: /3 lines/ })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("line-items-typed.png") });

  // Paste two more lines at the empty last row (quantity and unit price columns).
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.press("ControlOrMeta+Home");
  await page.keyboard.press("ControlOrMeta+ArrowDown");
  await page.keyboard.press("ArrowRight");
  await pasteText(page, lines, "5\t20\r\n6\t30\r\n");
  await expect(lines).toHaveAttribute("aria-rowcount", "7");
  await expect(page.getByText("Pasted 4 cells and added 2 line items.")).toBeVisible();
  await expect(quotes.getByRole("rowheader", { name: /5 lines/ })).toBeVisible();

  // One undo takes the whole paste back.
  await lines.focus();
  await page.keyboard.press("ControlOrMeta+Z");
  await expect(lines).toHaveAttribute("aria-rowcount", "5");
  await page.keyboard.press("ControlOrMeta+Shift+Z");
  await expect(lines).toHaveAttribute("aria-rowcount", "7");
  await page.keyboard.press("ControlOrMeta+Z");

  // The draft autosaves; after a reload the quote and its three lines are back.
  await page.waitForTimeout(800);
  await page.reload();
  await expect(cell(quotes, 0, 0)).toHaveText("Acme renewal");
  await expect(lines).toHaveAttribute("aria-rowcount", "5");
  await expect(cell(lines, 0, 1)).toHaveText("2");
  await expect(cell(lines, 2, 2)).toHaveText("10");
  await expect(quotes.getByRole("rowheader", { name: /3 lines · \$279\.50/ })).toBeVisible();
});

test("pasting product names and SKUs from a spreadsheet adds lines of those products, in one undo step", async ({
  page,
}) => {
  await page.goto("/");
  const quotes = page.getByRole("grid", { name: "Quotes" });
  const lines = page.getByRole("grid", { name: "Line items" });
  await page.getByRole("button", { name: "Add row" }).click();
  await page.keyboard.type("Globex upgrade");
  await page.keyboard.press("Enter");
  await quotes.focus();
  await page.keyboard.press("F6");
  await expect(lines).toBeFocused();
  await pasteText(
    page,
    lines,
    "SUB-CRM-STA-1\t2\r\nＳａｌｅｓ ＣＲＭ ｓｅａｔ Ｐｒｏｆｅｓｓｉｏｎａｌ (monthly)\t1\r\nNo such thing\t1\r\n",
  );
  await expect(page.getByText(/1 product name matches no single product/)).toBeVisible();
  await expect(lines).toHaveAttribute("aria-rowcount", "5");
  await expect(cell(lines, 0, 0)).toContainText("Sales CRM seat Starter (monthly)");
  await expect(cell(lines, 1, 0)).toContainText("Sales CRM seat Professional (monthly)");
  await expect(cell(lines, 2, 0)).toContainText("No such thing");
  await expect(quotes.getByRole("rowheader", { name: /3 lines · \$220\.00/ })).toBeVisible();
  await lines.focus();
  await page.keyboard.press("ControlOrMeta+Z");
  await expect(lines).toHaveAttribute("aria-rowcount", "2");
});

test("line items in a currency other than the deal's are an error on the quote before anything is sent", async ({
  page,
}) => {
  await page.goto("/");
  const quotes = page.getByRole("grid", { name: "Quotes" });
  const lines = page.getByRole("grid", { name: "Line items" });
  const column = async (name: RegExp) =>
    Number(await quotes.getByRole("columnheader", { name }).first().getAttribute("aria-colindex")) - 2;
  await expect(quotes.getByRole("columnheader", { name: /^Deal/ }).first()).toBeVisible();
  const deal = (await seededCrm(page)).deal ?? "";
  const dealColumn = await column(/^Deal/);
  const currencyColumn = await column(/^Currency/);
  const cells = Array<string>(Math.max(dealColumn, currencyColumn) + 1).fill("");
  cells[0] = "Euro quote on a dollar deal";
  cells[1] = "2031-01-01";
  cells[dealColumn] = deal;
  cells[currencyColumn] = "EUR";
  await quotes.focus();
  await pasteText(page, quotes, `${cells.join("\t")}\r\n`);
  await quotes.focus();
  await page.keyboard.press("F6");
  await expect(lines).toBeFocused();
  await pasteText(page, lines, "SUB-CRM-STA-1\t2\r\n");
  await expect(lines).toHaveAttribute("aria-rowcount", "3");

  // The simulator's US portal keeps every deal in dollars: the reference checks read the deal's currency.
  const currency = cell(quotes, 0, currencyColumn);
  await currency.click();
  await expect(currency).toHaveAttribute("aria-invalid", "true");
  await expect(currency).toHaveAccessibleDescription(
    new RegExp(
      `This quote and its line item are in EUR, but deal ${deal} is in USD\\. .*set the quote's currency to USD, or choose a deal in EUR`,
    ),
  );
});
