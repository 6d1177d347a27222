import { expect, test } from "@playwright/test";

test("a flat CSV with one record per line item becomes quotes with their lines, grouped by quote name", async ({
  page,
}) => {
  await page.goto("/");
  const quotes = page.getByRole("grid", { name: "Quotes" });
  await expect(quotes).toBeVisible();
  const csv = [
    "Quote name,Expiration date,Quantity,Unit price",
    "Acme renewal,2031-01-31,2,100",
    "Acme renewal,2031-01-31,1,49.5",
    "Globex upgrade,2031-02-28,5,10",
    ",2031-02-28,1,1",
    "Acme renewal,2031-01-31,3,10",
  ].join("\n");
  await page
    .getByLabel("Import CSV")
    .setInputFiles({ name: "lines.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("button", { name: "Next: map columns" }).click();
  await expect(dialog.getByLabel('Import "Quantity" as')).toHaveValue("line:quantity");
  await expect(dialog.getByLabel('Import "Unit price" as')).toHaveValue("line:price");
  await expect(dialog.getByLabel("Group records into quotes by")).toHaveValue("hs_title");
  await dialog.getByRole("button", { name: "Import 5 rows" }).click();
  await expect(dialog).toBeHidden();

  await expect(page.getByText("2 quotes with 4 line items.")).toBeVisible();
  await expect(page.getByText(/1 record had no value in the column quotes are grouped by/)).toBeVisible();
  await expect(quotes).toHaveAttribute("aria-rowcount", "3");
  await expect(quotes.getByRole("rowheader", { name: /3 lines · \$279\.50/ })).toBeVisible();
  await expect(quotes.getByRole("rowheader", { name: /1 line · \$50\.00/ })).toBeVisible();
});

test("product names and SKUs in a file become the library's products; a name matching none is marked", async ({
  page,
}) => {
  await page.goto("/");
  const quotes = page.getByRole("grid", { name: "Quotes" });
  await expect(quotes).toBeVisible();
  const csv = [
    "Quote name,Expiration date,Product,Quantity",
    "Acme renewal,2031-01-31,Sales CRM seat Starter (monthly),2",
    "Acme renewal,2031-01-31,sub-crm-pro-1,1",
    "Acme renewal,2031-01-31,A product nobody sells,1",
  ].join("\n");
  await page
    .getByLabel("Import CSV")
    .setInputFiles({ name: "erp-export.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("button", { name: "Next: map columns" }).click();
  await dialog.getByLabel('Import "Product" as').selectOption("line:hs_product_id");
  await dialog.getByRole("button", { name: "Import 3 rows" }).click();
  await expect(dialog).toBeHidden();

  await expect(page.getByText(/1 product name in the file matched no single product/)).toBeVisible();
  // 2 × 50.00 + 1 × 120.00; the unmatched line has no price yet.
  await expect(quotes.getByRole("rowheader", { name: /3 lines · \$220\.00/ })).toBeVisible();
  const lines = page.getByRole("grid", { name: /Line items/ });
  await expect(lines.getByText("Sales CRM seat Starter (monthly)")).toBeVisible();
  await expect(lines.getByText("Sales CRM seat Professional (monthly)")).toBeVisible();
  await expect(lines.getByText("A product nobody sells")).toBeVisible();
});
