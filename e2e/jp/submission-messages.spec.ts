import { expect, type Page, test } from "@playwright/test";
import { pasteText } from "../clipboard.ts";
import { setFaults, waitUntilSavedOnTheWire } from "../submission-in-flight.ts";

/**
 * Our own submission messages are stored as codes (decision 072): a Japanese person reads them in
 * Japanese (progress, Results, the stop), and the same stored submission opened from History in an
 * English browser reads in English. HubSpot's own words stay as HubSpot wrote them.
 */

const DAILY_JA = "このアカウントの HubSpot の 1 日あたりの API 上限に達しました。";
const DAILY_EN = "HubSpot's daily API limit for this account is used up.";
const CLOSED_JA = "この行の送信中にページが閉じられました。HubSpot が作成した可能性があります。";

async function pasteQuotes(page: Page, lines: string): Promise<void> {
  const grid = page.getByRole("grid", { name: "見積もり" });
  await expect(grid.getByRole("columnheader", { name: /見積もり名/ }).first()).toBeVisible();
  await grid.focus();
  await pasteText(page, grid, lines);
}

async function submit(page: Page, count: number): Promise<void> {
  await page.getByRole("button", { name: "一括送信" }).click();
  await page
    .getByRole("dialog", { name: "バッチを送信" })
    .getByRole("button", { name: `見積もりを ${count} 件作成` })
    .click();
}

test.describe("submission messages in the viewer's language", () => {
  test.use({ locale: "ja-JP", timezoneId: "Asia/Tokyo", viewport: { width: 1280, height: 720 } });

  test.beforeEach(async ({ context, page }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.request.post("/api/simulator/reset");
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  });

  test.afterEach(async ({ page }) => {
    await setFaults(page, { dailyLimitReached: false, latencyMs: 0 });
  });

  test("HubSpot's daily limit reads in Japanese here, and in English for an en-US browser opening it from History", async ({
    page,
    browser,
  }, testInfo) => {
    await pasteQuotes(page, "日次上限 その一\t2031/01/01\r\n日次上限 その二\t2031/01/02\r\n");
    await setFaults(page, { dailyLimitReached: true });
    await submit(page, 2);
    const progress = page.getByRole("region", { name: "送信の進行状況" });
    await expect(progress.getByRole("heading", { name: "送信を停止しました" })).toBeVisible({
      timeout: 15_000,
    });
    await expect(progress.getByText(DAILY_JA)).toBeVisible();
    await page.getByRole("tab", { name: "結果" }).click();
    const results = page.getByRole("table", { name: "結果" });
    await expect(results.getByRole("cell", { name: "未送信", exact: true })).toHaveCount(2);
    await expect(results.getByText(DAILY_JA).first()).toBeVisible();
    await expect(page.getByRole("tabpanel", { name: "結果" })).not.toContainText(DAILY_EN);
    await page.screenshot({ path: testInfo.outputPath("daily-limit-ja.png") });

    // Another person's browser, in English: the server's History holds codes, so it reads in English.
    const english = await browser.newContext({ locale: "en-US", timezoneId: "America/New_York" });
    try {
      const other = await english.newPage();
      await other.goto("/#history");
      const row = other.getByRole("table", { name: "Past submissions" }).getByRole("row").nth(1);
      await row.getByRole("button", { name: /Open results/ }).click();
      const table = other.getByRole("table", { name: "Results" });
      await expect(table.getByText(DAILY_EN).first()).toBeVisible();
      await expect(other.getByRole("tabpanel", { name: "Results" })).not.toContainText(DAILY_JA);
    } finally {
      await english.close();
    }
  });

  test("a page closed mid-send: the rows on the wire say so in Japanese after the reload", async ({
    page,
  }) => {
    await pasteQuotes(page, "閉じたページ その一\t2031/01/01\r\n");
    await setFaults(page, { latencyMs: 4000 });
    await submit(page, 1);
    await expect(page.getByText("一括送信しています…")).toBeVisible();
    await waitUntilSavedOnTheWire(page);
    page.once("dialog", (dialog) => void dialog.accept());
    await page.reload();
    await setFaults(page, { latencyMs: 0 });

    await expect(
      page.getByRole("region", { name: "送信の進行状況" }).getByText(/送信が中断されました/),
    ).toBeVisible();
    await page.getByRole("tab", { name: "結果" }).click();
    const results = page.getByRole("table", { name: "結果" });
    await expect(results.getByRole("cell", { name: "不明", exact: true })).toHaveCount(1);
    await expect(results.getByText(CLOSED_JA)).toBeVisible();
    await page.getByText(/^リクエスト（/).click();
    await expect(
      page
        .getByRole("table", { name: "リクエスト" })
        .getByText("このリクエストの送信中にページが閉じられました。"),
    ).toBeVisible();
  });
});
