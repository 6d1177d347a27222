import { expect, test } from "@playwright/test";

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

test.describe("an English browser", () => {
  test("starts in English", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("combobox", { name: "Language" })).toHaveValue("en");
  });
});
