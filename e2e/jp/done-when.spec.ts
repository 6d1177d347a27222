import { expect, type Page, test } from "@playwright/test";
import { z } from "zod";
import { workbookBytes } from "../../src/test/workbook-fixture.ts";
import { cp932Encoder, dropFile } from "../files.ts";

/**
 * Issue 12's "Done when", against SIMULATOR_PORTAL=jp (the `jp` project's server): a new user imports a
 * Japanese Excel CSV (CP932, 和暦 dates, full-width digits, yen amounts, Japanese headers) and an .xlsx
 * workbook with several sheets; every header maps, the quotes are created with their line items. Run with
 * a ja-JP browser (the whole UI in Japanese, screenshots at 1280×720) and with an en-US one, which reads
 * the same files the same way.
 */

const Records = z.object({
  results: z.array(z.object({ id: z.string(), properties: z.record(z.string(), z.string().nullable()) })),
});

async function crm(page: Page) {
  const search = async (type: string, properties: string[]) =>
    Records.parse(
      await (
        await page.request.post(`/api/hubspot/crm/v3/objects/${type}/search`, {
          data: { limit: 2, properties },
        })
      ).json(),
    ).results;
  const templates = Records.parse(
    await (await page.request.get("/api/hubspot/crm/v3/objects/quote_template?limit=1")).json(),
  ).results;
  // By SKU: the library has the same product name in several regions and billing terms.
  const products = await search("products", ["name", "hs_sku"]);
  return {
    deal: (await search("deals", []))[0]!.id,
    template: templates[0]!.id,
    products: products.map((product) => product.properties.hs_sku ?? ""),
  };
}

const Created = z.object({
  results: z.array(z.object({ properties: z.record(z.string(), z.string().nullable().optional()) })),
});

async function created(page: Page, what: "quotes" | "line-items") {
  return Created.parse(await (await page.request.get(`/api/simulator/${what}`)).json()).results.map(
    (record) => record.properties,
  );
}

/** A full-width copy of ASCII digits and letters, as Japanese Excel users often type them. */
const fullWidth = (text: string) =>
  text.replace(/[0-9A-Za-z]/g, (char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0));

const WORDS = {
  ja: {
    lang: "ja",
    grid: "見積もり",
    next: "次へ：列の対応付け",
    importAs: (header: string) => `「${header}」の取り込み先`,
    importRows: (rows: number) => `${rows} 行をインポート`,
    submit: "一括送信",
    submitTitle: "バッチを送信",
    create: (count: number) => `見積もりを ${count} 件作成`,
    progress: "送信の進行状況",
    finished: "送信が完了しました",
    results: "結果",
    created: "作成済み",
    sheet: "シート",
    encoding: "文字コード",
  },
  en: {
    lang: "en",
    grid: "Quotes",
    next: "Next: map columns",
    importAs: (header: string) => `Import "${header}" as`,
    importRows: (rows: number) => `Import ${rows} ${rows === 1 ? "row" : "rows"}`,
    submit: "Submit batch",
    submitTitle: "Submit batch",
    create: (count: number) => `Create ${count} quotes`,
    progress: "Submission progress",
    finished: "Submission finished",
    results: "Results",
    created: "created",
    sheet: "Sheet",
    encoding: "Encoding",
  },
} as const;

/** English a Japanese screen must not show: the words of the UI's buttons, labels and messages. */
const ENGLISH_UI =
  /\b(the|and|rows?|columns?|Import|Next|Cancel|Back|Ignore|Quote|quotes|Submit|created|Results|Sheet|Encoding|Delimiter|Untitled)\b/;

const HEADERS = [
  "見積もり名",
  "有効期限",
  "取引",
  "見積もりテンプレート",
  "通貨",
  "商品",
  "数量",
  "単価",
  "コメント",
];

function japaneseCsv(deal: string, template: string, products: readonly string[]): Uint8Array {
  const lines = [
    HEADERS.join(","),
    `株式会社アクメ 更新見積もり,令和13年1月31日,${fullWidth(deal)},${template},ＪＰＹ,${products[0]},２,"￥12,000",年間契約の更新`,
    `株式会社アクメ 更新見積もり,令和13年1月31日,${fullWidth(deal)},${template},ＪＰＹ,${products[1]},１,３，５００円,`,
    `グロービクス 追加ライセンス,R13.2.28,${deal},${template},JPY,${products[0]},５,"￥9,800",追加分`,
  ];
  return cp932Encoder()(`${lines.join("\r\n")}\r\n`);
}

async function japaneseWorkbook(deal: string, template: string, products: readonly string[]) {
  return workbookBytes([
    { name: "説明", rows: [["このブックは見積もりの一覧です。"], ["作成：営業企画部"]] },
    {
      name: "見積もり一覧",
      rows: [
        HEADERS,
        [
          "東和商事 新規導入",
          new Date(Date.UTC(2031, 2, 31)),
          Number(deal),
          Number(template),
          "JPY",
          products[1]!,
          3,
          4500,
          "初年度",
        ],
        [
          "東和商事 新規導入",
          new Date(Date.UTC(2031, 2, 31)),
          Number(deal),
          Number(template),
          "JPY",
          products[0]!,
          1,
          12000,
          null,
        ],
      ],
    },
    { name: "集計", rows: [["合計", { formula: "SUM(1,2)", result: 3 }]] },
  ]);
}

for (const [language, locale, timezoneId] of [
  ["ja", "ja-JP", "Asia/Tokyo"],
  ["en", "en-US", "America/New_York"],
] as const) {
  const w = WORDS[language];

  test.describe(`a new user with a ${locale} browser on the Japanese portal`, () => {
    test.use({ locale, timezoneId, viewport: { width: 1280, height: 720 } });

    test.beforeEach(async ({ page }) => {
      await page.request.post("/api/simulator/reset");
      await page.goto("/");
      await expect(page.locator("html")).toHaveAttribute("lang", w.lang);
      await expect(page.getByRole("grid", { name: w.grid })).toBeVisible();
    });

    test("imports a Japanese Excel CSV and an .xlsx workbook; every header maps; the quotes are created with their line items", async ({
      page,
    }, testInfo) => {
      const { deal, template, products } = await crm(page);
      const shot = (name: string) =>
        page.screenshot({ path: testInfo.outputPath(`${name}-${language}.png`) });

      // 1. The CP932 CSV, dropped on the page.
      await dropFile(page, "見積もり一覧.csv", japaneseCsv(deal, template, products));
      const dialog = page.getByRole("dialog");
      await expect(dialog.getByLabel(w.encoding)).toHaveValue("shift_jis");
      await expect(dialog.getByRole("cell", { name: "令和13年1月31日" }).first()).toBeVisible();
      if (language === "ja") await expect(dialog).not.toContainText(ENGLISH_UI);
      await shot("preview");
      await dialog.getByRole("button", { name: w.next }).click();
      for (const header of HEADERS) await expect(dialog.getByLabel(w.importAs(header))).not.toHaveValue("");
      if (language === "ja") await expect(dialog).not.toContainText(ENGLISH_UI);
      await shot("mapping");
      await dialog.getByRole("button", { name: w.importRows(3) }).click();
      await expect(dialog).toBeHidden();

      // 2. The workbook, from the file picker: several sheets, the quotes' one opened, read like the CSV.
      await page.getByLabel(language === "ja" ? "CSV をインポート" : "Import CSV").setInputFiles({
        name: "見積もり.xlsx",
        mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        buffer: Buffer.from(await japaneseWorkbook(deal, template, products)),
      });
      // Three sheets; the first has two lines of notes, so the person picks the quotes' sheet.
      await expect(dialog.getByLabel(w.sheet).getByRole("option")).toHaveCount(3);
      await dialog.getByLabel(w.sheet).selectOption("1");
      await expect(dialog.getByRole("cell", { name: "東和商事 新規導入" }).first()).toBeVisible();
      await dialog.getByRole("button", { name: w.next }).click();
      for (const header of HEADERS) await expect(dialog.getByLabel(w.importAs(header))).not.toHaveValue("");
      await dialog.getByRole("button", { name: w.importRows(2) }).click();
      await expect(dialog).toBeHidden();
      await expect(page.getByRole("grid", { name: w.grid })).toHaveAttribute("aria-rowcount", "4");

      // 3. Submit: three quotes, five line items.
      await page.getByRole("button", { name: w.submit }).click();
      await page
        .getByRole("dialog", { name: w.submitTitle })
        .getByRole("button", { name: w.create(3) })
        .click();
      await expect(page.getByRole("region", { name: w.progress }).getByText(w.finished)).toBeVisible({
        timeout: 30_000,
      });
      await page.getByRole("tab", { name: w.results }).click();
      const results = page.getByRole("table", { name: w.results });
      await expect(results.getByRole("cell", { name: w.created, exact: true })).toHaveCount(3);
      // The Results tab (the other tabs' panels are hidden; property descriptions are the portal's data).
      if (language === "ja")
        await expect(page.getByRole("tabpanel", { name: w.results })).not.toContainText(ENGLISH_UI);
      await shot("results");

      // What HubSpot got is the same in both languages: 和暦 and full-width read, yen without decimals.
      const quotes = await created(page, "quotes");
      expect(
        quotes.map((q) => [q.hs_title, q.hs_expiration_date?.slice(0, 10), q.hs_currency]).sort(),
      ).toEqual([
        ["グロービクス 追加ライセンス", "2031-02-28", "JPY"],
        ["東和商事 新規導入", "2031-03-31", "JPY"],
        ["株式会社アクメ 更新見積もり", "2031-01-31", "JPY"],
      ]);
      const lines = await created(page, "line-items");
      expect(lines.map((line) => [line.quantity, line.price]).sort()).toEqual(
        [
          ["2", "12000"],
          ["1", "3500"],
          ["5", "9800"],
          ["3", "4500"],
          ["1", "12000"],
        ].sort(),
      );
    });
  });
}
