import { expect, type Locator, test } from "@playwright/test";
import { pasteText } from "../clipboard.ts";
import { cp932Encoder, dropFile } from "../files.ts";

/**
 * The Japanese UI, screen by screen, with a ja-JP browser on the Japanese portal: each screen and dialog
 * has none of the UI's English words (HubSpot's own data, ids and the product's name aside), at 1280×720
 * and at 200 % zoom. Screenshots go to the test's output folder, for a person to look at.
 */

/** English a Japanese screen must not show: words of our buttons, labels and messages. */
const ENGLISH_UI =
  /\b(the|and|rows?|columns?|Import|Next|Cancel|Back|Close|Ignore|Quotes?|Submit|created|failed|unknown|queued|sending|Results|History|Sheet|Encoding|Delimiter|Untitled|Deal|Line items?|Export|Archive|Undo|Batch|defaults|Publish|Draft|Settings|Keyboard|shortcuts?|none|pending|not sent)\b/;

async function englishIn(locator: Locator): Promise<string[]> {
  const text = await locator.innerText();
  return (
    text
      .split("\n")
      .map((line) => line.trim())
      // The product's name is a name, not UI text to translate.
      .filter((line) => ENGLISH_UI.test(line.replace("Quote Batch Composer", "")))
  );
}

for (const [zoom, viewport] of [
  ["100", { width: 1280, height: 720 }],
  ["200", { width: 640, height: 360 }],
] as const) {
  test.describe(`the Japanese UI at ${zoom} %`, () => {
    test.use({
      locale: "ja-JP",
      timezoneId: "Asia/Tokyo",
      viewport,
      deviceScaleFactor: zoom === "200" ? 2 : 1,
    });

    test("every screen and dialog speaks Japanese", async ({ page, context }, info) => {
      test.setTimeout(120_000);
      await context.grantPermissions(["clipboard-read", "clipboard-write"]);
      await page.request.post("/api/simulator/reset");
      const found: Record<string, string[]> = {};
      const shot = async (name: string, scope: Locator) => {
        await page.screenshot({ path: info.outputPath(`${name}-${zoom}.png`) });
        const english = await englishIn(scope);
        if (english.length > 0) found[name] = english;
      };
      const body = page.locator("body");
      await page.goto("/");
      await expect(page.locator("html")).toHaveAttribute("lang", "ja");
      const grid = page.getByRole("grid", { name: "見積もり" });
      await expect(grid.getByRole("columnheader", { name: /見積もり名/ }).first()).toBeVisible();
      await shot("01-composer-empty", body);

      await grid.focus();
      await pasteText(page, grid, "株式会社アクメ 更新\t2031/01/31\r\nグロービクス 追加\t2031/02/28\r\n");
      await shot("02-composer-rows", body);

      await page.getByRole("button", { name: /^一括の既定値/ }).click();
      await shot("03-batch-defaults", body);
      await page.keyboard.press("Escape");

      await grid.focus();
      await page.keyboard.press("Control+/");
      const help = page.getByRole("dialog");
      await expect(help).toBeVisible();
      await shot("04-keyboard-help", help);
      await page.keyboard.press("Escape");

      const csv = cp932Encoder()("見積もり名,有効期限,数量\r\n東和商事 新規,令和13年3月31日,３\r\n");
      await dropFile(page, "一覧.csv", csv);
      const dialog = page.getByRole("dialog");
      await expect(dialog.getByRole("cell", { name: "令和13年3月31日" })).toBeVisible();
      await shot("05-import-preview", dialog);
      await dialog.getByRole("button", { name: "次へ：列の対応付け" }).click();
      await shot("06-import-mapping", dialog);
      await dialog.getByRole("button", { name: "キャンセル", exact: true }).click();
      await expect(dialog).toBeHidden();

      await page.getByRole("button", { name: "一括送信" }).click();
      const submit = page.getByRole("dialog", { name: "バッチを送信" });
      await expect(submit).toBeVisible();
      await shot("07-submit-dialog", submit);
      await page.request.post("/api/simulator/faults", { data: { latencyMs: 1500 } });
      await submit.getByRole("button", { name: /件作成/ }).click();
      const progress = page.getByRole("region", { name: "送信の進行状況" });
      await expect(progress.getByText("一括送信しています…")).toBeVisible();
      await shot("08-progress", progress);
      await expect(progress.getByRole("heading", { name: "送信が完了しました" })).toBeVisible({
        timeout: 30_000,
      });
      await page.request.post("/api/simulator/faults", { data: { latencyMs: 0 } });

      await page.getByRole("tab", { name: "結果" }).click();
      const results = page.getByRole("tabpanel", { name: "結果" });
      await page.getByText(/^リクエスト（/).click();
      await shot("09-results", results);

      await page.getByRole("button", { name: "エクスポート…" }).click();
      const exporting = page.getByRole("dialog", { name: "結果をエクスポート" });
      await shot("10-export-dialog", exporting);
      await page.keyboard.press("Escape");

      await page.getByRole("button", { name: /^元に戻す/ }).click();
      const undo = page.getByRole("dialog");
      await shot("11-undo-confirm", undo);
      await page.keyboard.press("Escape");

      await page.getByRole("tab", { name: "履歴" }).click();
      await expect(page.getByRole("table", { name: "過去の送信" })).toBeVisible();
      await shot("12-history", page.getByRole("tabpanel", { name: "履歴" }));

      expect(found).toEqual({});
    });
  });
}
