import { expect, type Locator, type Page } from "@playwright/test";

/** Opens the app and waits for the quote grid's columns (English or Japanese UI); returns the grid. */
export async function openComposer(page: Page): Promise<Locator> {
  await page.goto("/");
  const grid = page.getByRole("grid", { name: /^(Quotes|見積もり)$/ });
  await expect(grid.getByRole("columnheader", { name: /Quote name|見積もり名/ }).first()).toBeVisible();
  return grid;
}

/** Chooses a CSV file in "Import CSV", takes the mapping as suggested and imports its `rows` rows. */
export async function importCsvFile(page: Page, name: string, csv: string, rows: number): Promise<void> {
  await page.getByLabel("Import CSV").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(csv) });
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("button", { name: "Next: map columns" }).click();
  await dialog.getByRole("button", { name: `Import ${rows} rows` }).click();
  await expect(dialog).toBeHidden();
}
