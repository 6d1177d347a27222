import { expect, test } from "@playwright/test";
import { dropFile, utf8 } from "./files.ts";

test.describe("a Japanese browser", () => {
  test.use({ locale: "ja-JP", timezoneId: "Asia/Tokyo", viewport: { width: 1280, height: 720 } });

  test("shows the UI in Japanese, switches to English and remembers it", async ({ page }, testInfo) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "ja");
    const tabs = page.getByRole("tablist", { name: "セクション" });
    for (const name of ["作成", "結果", "履歴", "HubSpotプロパティ"]) {
      await expect(tabs.getByRole("tab", { name })).toBeVisible();
    }
    await expect(page.getByRole("banner").getByText("シミュレーター", { exact: true })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath("compose-ja.png") });

    await tabs.getByRole("tab", { name: "履歴" }).click();
    // The team's history (other specs' runs may be in it): its title and filters, in Japanese.
    await expect(page.getByRole("heading", { name: "過去の送信", exact: true })).toBeVisible();
    await expect(page.getByRole("combobox", { name: "送信者" })).toBeVisible();
    await tabs.getByRole("tab", { name: "HubSpotプロパティ" }).click();
    await expect(page.getByRole("heading", { name: "見積もりプロパティ" })).toBeVisible();
    await expect(page.getByRole("table", { name: "見積もりプロパティ" })).toBeVisible();
    await page.getByLabel("プロパティを検索").fill("存在しないプロパティ");
    await expect(page.getByRole("heading", { name: "一致するプロパティはありません" })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath("properties-ja.png") });
    await tabs.getByRole("tab", { name: "作成" }).click();

    await page.getByRole("combobox", { name: "言語" }).selectOption("English");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("tab", { name: "Compose" })).toBeVisible();

    await page.reload();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("tab", { name: "Results" })).toBeVisible();
    await expect(page.getByRole("combobox", { name: "Language" })).toHaveValue("en");
    await page.screenshot({ path: testInfo.outputPath("compose-en.png") });
  });
});

test.describe("a Japanese browser's file problems", () => {
  test.use({ locale: "ja-JP", timezoneId: "Asia/Tokyo" });

  test("say what is wrong with a file, where, and what to do, in Japanese", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("grid", { name: "見積もり" })).toBeVisible();
    const alert = page.getByRole("alert");
    await dropFile(page, "旧形式.xls", Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]));
    await expect(alert).toContainText("「旧形式.xls」は .xls 形式のスプレッドシートのため");
    await expect(alert).toContainText("「Excel ブック (*.xlsx)」");
    await alert.getByRole("button", { name: "閉じる" }).click();

    // Found by the worker (the bytes say old Excel though the name says CSV): words from the page.
    await dropFile(page, "見積.csv", Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]));
    await expect(alert).toContainText("「見積.csv」をインポートできません。これは Excel 97–2003 ブック");
    await alert.getByRole("button", { name: "閉じる" }).click();

    await dropFile(page, "見出しだけ.csv", utf8("件名,有効期限\n"));
    await expect(alert).toContainText(
      "「見出しだけ.csv」には見出し行がありますが、その下にデータ行がありません。",
    );
    await alert.getByRole("button", { name: "閉じる" }).click();

    await dropFile(page, "崩れ.csv", utf8('件名,有効期限\nA,2026-01-01\n"B,2026-01-02\nC,2026-01-03\n'));
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByRole("alert")).toContainText("3 行目で始まる引用符");
    await expect(dialog).not.toContainText(/\b(row|rows|column)\b/i);
  });
});

test.describe("an English browser", () => {
  test("starts in English", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("combobox", { name: "Language" })).toHaveValue("en");
  });
});
