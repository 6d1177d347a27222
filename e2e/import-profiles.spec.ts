import { readFile } from "node:fs/promises";
import { expect, type Page, test } from "@playwright/test";

const CSV = [
  "Angebot,Gültig bis,Kundenhinweis,Interne Nummer",
  "Acme renewal,2031-01-31,Call first,A-1",
  "Globex upgrade,2031-02-28,,A-2",
].join("\n");

async function openMapping(page: Page) {
  await page
    .getByLabel("Import CSV")
    .setInputFiles({ name: "angebote.csv", mimeType: "text/csv", buffer: Buffer.from(CSV) });
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("button", { name: "Next: map columns" }).click();
  await expect(dialog.getByRole("heading", { name: "Import profile" })).toBeVisible();
  return dialog;
}

test("save a mapping as a profile, get it offered for the next file like it, export it and load it elsewhere", async ({
  page,
  browser,
}, testInfo) => {
  await page.goto("/");
  let dialog = await openMapping(page);
  await expect(dialog.getByText(/No saved profiles yet/)).toBeVisible();
  // The user's own choices: the customer note goes to the comments, the internal number is left out.
  await dialog.getByLabel('Import "Kundenhinweis" as').selectOption("hs_comments");
  await dialog.getByLabel('Import "Interne Nummer" as').selectOption("");
  await dialog.getByRole("button", { name: "Save as profile…" }).click();
  const name = dialog.getByLabel("Profile name");
  await expect(name).toBeFocused();
  await name.press("Enter");
  await expect(dialog.getByText("Enter a name for the profile, then save.")).toBeVisible();
  await name.fill("EU renewals");
  await name.press("Enter");
  await expect(dialog.getByLabel("Saved profiles")).toHaveValue("EU renewals");
  await dialog.getByRole("button", { name: "Cancel", exact: true }).click();
  await expect(dialog).toBeHidden();

  // The same kind of file again: the profile is offered and sets the mapping.
  dialog = await openMapping(page);
  await expect(dialog.getByText("The profile “EU renewals” fits these columns")).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("profile-offered.png") });
  await expect(dialog.getByLabel('Import "Kundenhinweis" as')).not.toHaveValue("hs_comments");
  await dialog.getByRole("button", { name: "Apply “EU renewals”" }).click();
  await expect(dialog.getByLabel('Import "Kundenhinweis" as')).toHaveValue("hs_comments");
  await expect(dialog.getByLabel('Import "Interne Nummer" as')).toHaveValue("");

  const download = page.waitForEvent("download");
  await dialog.getByRole("button", { name: "Export" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("EU renewals.qbc-profile.json");
  const text = await readFile(await file.path(), "utf8");
  expect(JSON.parse(text)).toMatchObject({ name: "EU renewals", mapping: { kundenhinweis: "hs_comments" } });

  await dialog.getByRole("button", { name: "Import 2 rows" }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole("grid", { name: "Quotes" }).focus();

  // A colleague's browser: nothing saved; loading the shared file applies it. A wrong file says why.
  const colleague = await browser.newPage();
  await colleague.goto(new URL("/", page.url()).toString());
  const theirs = await openMapping(colleague);
  await theirs
    .getByLabel("Load a profile file…")
    .setInputFiles({ name: "notes.json", mimeType: "application/json", buffer: Buffer.from('{"a":1}') });
  await expect(theirs.getByText(/“notes.json” is JSON but not an import profile/)).toBeVisible();
  await theirs.getByLabel("Load a profile file…").setInputFiles({
    name: "EU renewals.qbc-profile.json",
    mimeType: "application/json",
    buffer: Buffer.from(text),
  });
  await expect(theirs.getByLabel('Import "Kundenhinweis" as')).toHaveValue("hs_comments");
  await expect(theirs.getByLabel("Saved profiles")).toHaveValue("EU renewals");
  await colleague.close();
});
