import { readFile } from "node:fs/promises";
import { expect, type Page, test } from "@playwright/test";

/**
 * Issue 12's saved import profiles, as a Japanese team uses them: a mapping plus batch defaults saved
 * under a name, offered for the next file with the same headers, exported as JSON, loaded in a colleague's
 * fresh browser (mapping and batch defaults both arrive), and a broken or foreign file refused with a
 * message that says what to do, in Japanese and in English.
 */

const CSV = [
  "見積もり名,有効期限,お客様メモ,社内番号",
  "株式会社アクメ 更新見積もり,2031/01/31,先に電話,A-1",
  "グロービクス 追加,2031/02/28,,A-2",
].join("\r\n");

async function openMapping(page: Page, label: string, next: string) {
  await page
    .getByLabel(label)
    .setInputFiles({ name: "更新案件.csv", mimeType: "text/csv", buffer: Buffer.from(CSV) });
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("button", { name: next }).click();
  return dialog;
}

const loadFile = (page: Page, label: string, name: string, text: string) =>
  page
    .getByRole("dialog")
    .getByLabel(label)
    .setInputFiles({ name, mimeType: "application/json", buffer: Buffer.from(text) });

test.describe("import profiles in Japanese", () => {
  test.use({ locale: "ja-JP", timezoneId: "Asia/Tokyo", viewport: { width: 1280, height: 720 } });

  test("save a mapping with batch defaults, get it offered, export it, load it in a fresh browser; broken files say why", async ({
    page,
    browser,
  }, testInfo) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "ja");
    await page.getByRole("button", { name: /^一括の既定値/ }).click();
    await page.getByLabel("有効期限", { exact: true }).fill("+30 days");
    await page.getByRole("checkbox", { name: "作成後に見積もりを公開する" }).check();
    await page.keyboard.press("Escape");

    let dialog = await openMapping(page, "CSV をインポート", "次へ：列の対応付け");
    await expect(dialog.getByRole("heading", { name: "インポートプロファイル" })).toBeVisible();
    await dialog.getByLabel("「お客様メモ」の取り込み先").selectOption("hs_comments");
    await dialog.getByLabel("「社内番号」の取り込み先").selectOption("");
    await dialog.getByRole("button", { name: "プロファイルとして保存…" }).click();
    await expect(dialog.getByRole("checkbox", { name: /一括既定値を含める/ })).toBeChecked();
    await dialog.getByLabel("プロファイル名").fill("更新案件 JP");
    await dialog.getByLabel("プロファイル名").press("Enter");
    await expect(dialog.getByText(/プロファイル「更新案件 JP」をこのブラウザーに保存しました/)).toBeVisible();
    await dialog.getByRole("button", { name: "キャンセル", exact: true }).click();
    await expect(dialog).toBeHidden();

    // The next file with these headers: the profile is offered, with its batch defaults.
    dialog = await openMapping(page, "CSV をインポート", "次へ：列の対応付け");
    await expect(dialog.getByText("プロファイル「更新案件 JP」がこの列に一致します")).toBeVisible();
    await expect(dialog.getByText(/件の一括既定値が設定されます/)).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath("profile-offered-ja.png") });
    const download = page.waitForEvent("download");
    await dialog.getByRole("button", { name: "書き出し" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe("更新案件 JP.qbc-profile.json");
    const text = await readFile(await file.path(), "utf8");
    const shared = JSON.parse(text);
    expect(shared).toMatchObject({
      name: "更新案件 JP",
      mapping: { お客様メモ: "hs_comments", 社内番号: null },
      defaults: { publish: true },
    });
    expect(Object.values(shared.defaults.cells)).toContain("+30 days");

    // A colleague's fresh browser: nothing saved there. Wrong files first, each with its reason.
    const context = await browser.newContext({ locale: "ja-JP", timezoneId: "Asia/Tokyo" });
    try {
      const colleague = await context.newPage();
      await colleague.goto(new URL("/", page.url()).toString());
      const theirs = await openMapping(colleague, "CSV をインポート", "次へ：列の対応付け");
      await expect(theirs.getByText(/保存済みのプロファイルはまだありません/)).toBeVisible();
      const load = "プロファイルファイルを読み込む…";
      await loadFile(colleague, load, "壊れた.json", '{"name": "更新');
      await expect(
        theirs.getByText(/「壊れた.json」はプロファイルとして読み込めませんでした（JSONではありません）/),
      ).toBeVisible();
      await loadFile(colleague, load, "メモ.json", '{"a":1}');
      await expect(
        theirs.getByText(/「メモ.json」はJSONですが、このアプリのインポートプロファイルではありません/),
      ).toBeVisible();
      await loadFile(colleague, load, "新しい.json", JSON.stringify({ ...shared, version: 2 }));
      await expect(
        theirs.getByText(/「新しい.json」は、このアプリの新しいバージョンで保存された/),
      ).toBeVisible();
      await loadFile(
        colleague,
        load,
        "編集済み.json",
        JSON.stringify({ ...shared, mapping: { 見積もり名: 1 } }),
      );
      await expect(
        theirs.getByText(
          /「編集済み.json」はインポートプロファイルですが、「mapping.見積もり名」を読み取れません/,
        ),
      ).toBeVisible();
      await expect(theirs.getByLabel("「お客様メモ」の取り込み先")).not.toHaveValue("hs_comments");

      await loadFile(colleague, load, "更新案件 JP.qbc-profile.json", text);
      await expect(theirs.getByLabel("「お客様メモ」の取り込み先")).toHaveValue("hs_comments");
      await expect(theirs.getByLabel("「社内番号」の取り込み先")).toHaveValue("");
      await expect(theirs.getByLabel("保存済みプロファイル")).toHaveValue("更新案件 JP");
      await theirs.getByRole("button", { name: "2 行をインポート" }).click();
      await expect(theirs).toBeHidden();
      // The batch defaults came with the profile.
      await expect(colleague.getByRole("button", { name: /^一括の既定値（2 件設定済み）/ })).toBeVisible();
    } finally {
      await context.close();
    }
  });
});

test.describe("import profiles in English", () => {
  test.use({ locale: "en-US" });

  test("a broken or newer profile file says why in English", async ({ page }) => {
    await page.goto("/");
    const dialog = await openMapping(page, "Import CSV", "Next: map columns");
    await loadFile(page, "Load a profile file…", "broken.json", "{nope");
    await expect(dialog.getByText(/“broken.json” could not be read as a profile/)).toBeVisible();
    const newer = { format: "quote-batch-composer/import-profile", version: 3, name: "x", mapping: {} };
    await loadFile(page, "Load a profile file…", "newer.json", JSON.stringify(newer));
    await expect(
      dialog.getByText(/“newer.json” is an import profile saved by a newer version/),
    ).toBeVisible();
  });
});
