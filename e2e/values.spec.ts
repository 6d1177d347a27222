import { expect, type Locator, test } from "@playwright/test";
import { workbookBytes } from "../src/test/workbook-fixture.ts";

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

test("a German export with a totals line and columns that cannot be imported", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("grid", { name: "Quotes" })).toBeVisible();
  const csv = [
    "Titel;Ablaufdatum;Währung;Betrag;Sonstiges",
    "Erneuerung Acme;31.12.2026;EUR;1.200,00;x",
    "Globex Lizenz;20270115;EUR;800,00;y",
    "Summe;;;2.000,00;",
    "",
  ].join("\r\n");
  await page
    .getByLabel(/Import CSV/)
    .setInputFiles({ name: "angebote.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });

  const dialog = page.getByRole("dialog", { name: "Import “angebote.csv”" });
  await expect(
    dialog.getByRole("heading", { name: "The last row looks like a total, not a quote" }),
  ).toBeVisible();
  await expect(dialog.getByRole("checkbox", { name: "Skip summary rows" })).toBeChecked();
  await expect(dialog.getByRole("table", { name: "Summary rows at the end of the file" })).toContainText(
    "Summe",
  );
  await dialog.getByRole("button", { name: "Next: map columns" }).click();

  const mapping = page.getByRole("dialog", { name: /Map the columns/ });
  await expect(mapping.getByLabel('Import "Titel" as')).toHaveValue("hs_title");
  await expect(mapping.getByLabel('Import "Ablaufdatum" as')).toHaveValue("hs_expiration_date");
  await expect(mapping.getByLabel('Import "Währung" as')).toHaveValue("hs_currency");
  await expect(mapping.getByText("2 columns will not be imported")).toBeVisible();
  await expect(mapping.getByText(/“Betrag”: Quote amount is calculated by HubSpot/)).toBeVisible();
  await expect(mapping.getByText(/“Sonstiges”: no quote field is chosen/)).toBeVisible();
  await mapping.getByRole("button", { name: "Import 2 rows" }).click();
  await expect(mapping).toBeHidden();

  await expect(
    page.getByRole("region", { name: "Notifications" }).getByText("Imported 2 rows"),
  ).toBeVisible();
  await expect(page.getByText(/2 columns were not imported: “Betrag” and “Sonstiges”\./)).toBeVisible();
  await expect(page.getByText(/1 summary row at the end of the file was skipped\./)).toBeVisible();
  await expect(page.getByText("Every value was read.")).toHaveCount(0);
  const grid = page.getByRole("grid", { name: "Quotes" });
  await expect(cell(grid, 0, 1)).toHaveText("2026-12-31");
  await expect(cell(grid, 1, 1)).toHaveText("2027-01-15");
  await expect(grid).not.toContainText("Summe");
});

test("an Excel workbook with two sheets: pick the second, map it and import", async ({ page }, testInfo) => {
  await page.goto("/");
  const grid = page.getByRole("grid", { name: "Quotes" });
  await expect(grid).toBeVisible();
  const bytes = await workbookBytes([
    {
      name: "2026",
      rows: [
        ["Quote", "Expires"],
        ["Old renewal", new Date(Date.UTC(2026, 2, 31))],
      ],
    },
    {
      name: "見積もり",
      merges: ["A1:C1"],
      rows: [
        ["2027年 更新見積もり", null, null],
        ["見積もり名", "有効期限", "通貨"],
        ["株式会社アクメ 更新", new Date(Date.UTC(2027, 2, 31)), "ＵＳＤ"],
        ["グロービクス 追加", new Date(Date.UTC(2027, 3, 30)), { formula: '"EUR"', result: "EUR" }],
      ],
    },
  ]);
  await page.evaluate(
    ({ data }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([Uint8Array.from(data)], "更新.xlsx"));
      for (const type of ["dragenter", "dragover", "drop"])
        document.body.dispatchEvent(
          new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }),
        );
    },
    { data: [...bytes] },
  );

  const dialog = page.getByRole("dialog", { name: "Import “更新.xlsx”" });
  const sheet = dialog.getByLabel("Sheet");
  await expect(sheet).toHaveValue("0");
  await expect(dialog.getByText("The workbook has 2 sheets: pick the one with the quotes.")).toBeVisible();
  await expect(dialog.getByRole("cell", { name: "Old renewal" })).toBeVisible();
  await sheet.selectOption({ label: "見積もり (4 rows)" });
  await expect(dialog.getByRole("columnheader", { name: "見積もり名" })).toBeVisible();
  await expect(dialog.getByRole("cell", { name: "2027-03-31" })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("workbook-preview.png") });
  await dialog.getByRole("button", { name: "Next: map columns" }).click();

  const mapping = page.getByRole("dialog", { name: /Map the columns/ });
  await expect(mapping.getByLabel('Import "見積もり名" as')).toHaveValue("hs_title");
  await expect(mapping.getByLabel('Import "有効期限" as')).toHaveValue("hs_expiration_date");
  await expect(mapping.getByLabel('Import "通貨" as')).toHaveValue("hs_currency");
  await mapping.getByRole("button", { name: "Import 2 rows" }).click();
  await expect(mapping).toBeHidden();
  await expect(
    page.getByRole("region", { name: "Notifications" }).getByText("Imported 2 rows"),
  ).toBeVisible();
  await expect(cell(grid, 0, 0)).toHaveText("株式会社アクメ 更新");
  await expect(cell(grid, 0, 1)).toHaveText("2027-03-31");
  await expect(cell(grid, 1, 1)).toHaveText("2027-04-30");
});
