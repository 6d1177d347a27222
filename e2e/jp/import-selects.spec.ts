import { expect, type Locator, type Page, test } from "@playwright/test";
import { workbookBytes } from "../../src/test/workbook-fixture.ts";
import { cp932Encoder, dropFile } from "../files.ts";

/**
 * A closed select shows only its chosen option: every option of every select in the import preview must
 * fit in it, in Japanese and in English, at 1280×720 and at 200 % zoom (the same page in a 640×360 CSS
 * viewport, drawn at twice the pixels). Measured with the select's own font, less its padding and arrow.
 */

/** Options of `select` whose text does not fit in the select's box. */
async function clippedOptions(select: Locator): Promise<string[]> {
  return select.evaluate((element) => {
    if (!(element instanceof HTMLSelectElement)) return ["not a select"];
    const style = getComputedStyle(element);
    const context = document.createElement("canvas").getContext("2d");
    if (!context) return ["no canvas"];
    context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    // Chromium draws the arrow in the select's right padding area; 20 px holds it at any zoom.
    const room =
      element.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight) - 20;
    return [...element.options]
      .filter((option) => context.measureText(option.text).width > room)
      .map((option) => option.text);
  });
}

async function expectEverySelectFits(page: Page, name: string, shots: string): Promise<void> {
  const dialog = page.getByRole("dialog");
  const selects = dialog.locator("select");
  await expect(selects.first()).toBeVisible();
  await page.screenshot({ path: `${shots}/${name}.png` });
  const count = await selects.count();
  expect(count).toBeGreaterThan(1);
  for (let i = 0; i < count; i++)
    expect(await clippedOptions(selects.nth(i)), `${name} select ${i}`).toEqual([]);
}

const csv = () =>
  cp932Encoder()(
    "見積もり名,有効期限,通貨\r\n株式会社アクメ 更新見積もり,令和13年1月31日,JPY\r\nグロービクス 追加,R13.2.28,JPY\r\n",
  );

const workbook = () =>
  workbookBytes([
    { name: "説明", rows: [["このブックは見積もりの一覧です。"]] },
    {
      name: "2026年度 第3四半期 更新見積もり一覧（営業企画部）",
      rows: [["見積もり名"], ["東和商事 新規導入"]],
    },
  ]);

for (const [language, locale] of [
  ["ja", "ja-JP"],
  ["en", "en-US"],
] as const) {
  for (const [zoom, viewport] of [
    ["100", { width: 1280, height: 720 }],
    ["200", { width: 640, height: 360 }],
  ] as const) {
    test.describe(`import preview selects, ${locale} at ${zoom} %`, () => {
      test.use({ locale, viewport, deviceScaleFactor: zoom === "200" ? 2 : 1 });

      test("every option of every select shows in full, for a CSV and for a workbook", async ({
        page,
      }, info) => {
        await page.goto("/");
        await expect(page.locator("html")).toHaveAttribute("lang", language);
        const shots = info.outputPath();
        await dropFile(page, "見積もり一覧.csv", csv());
        await expect(page.getByRole("dialog").getByRole("cell", { name: "令和13年1月31日" })).toBeVisible();
        await expectEverySelectFits(page, `csv-${language}-${zoom}`, shots);
        await page.keyboard.press("Escape");
        await expect(page.getByRole("dialog")).toBeHidden();

        await dropFile(page, "見積もり.xlsx", await workbook());
        await expect(page.getByRole("dialog").locator("select").first()).toBeVisible();
        await expectEverySelectFits(page, `xlsx-${language}-${zoom}`, shots);
      });
    });
  }
}
