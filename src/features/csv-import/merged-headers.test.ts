import { describe, expect, it } from "vitest";
import { autoMatch } from "../../domain/csv/auto-match.ts";
import { buildTargets } from "../../domain/csv/targets.ts";
import { TEST_PROPERTIES } from "../../domain/csv/test-targets.ts";
import { workbookBytes } from "../../test/workbook-fixture.ts";
import { effectiveHeader, fileProblems } from "./preview-model.ts";
import { ParseSession } from "./worker/parse-session.ts";

const targets = buildTargets(TEST_PROPERTIES);

async function read(sheet: Parameters<typeof workbookBytes>[0][number]) {
  const session = new ParseSession();
  await session.load(new Blob([(await workbookBytes([sheet])).slice()]));
  return session.parse({}, 0, () => {});
}

// Real workbooks written by exceljs with merged cells, read by our reader and the CSV path's header detection.
describe("merged header cells in a workbook", () => {
  it("takes the lower row of a two-row header with merged group titles, naming repeats by their group", async () => {
    const summary = await read({
      name: "見積もり",
      merges: ["A1:G1", "A2:A3", "B2:C2", "D2:E2", "F2:G2"],
      rows: [
        ["2026年度 更新見積もり", null, null, null, null, null, null],
        ["見積もり名", "見積もり", null, "送信者", null, "担当者", null],
        [null, "有効期限", "通貨", "名", "メール", "名", "メール"],
        [
          "株式会社アクメ 更新",
          new Date(Date.UTC(2026, 11, 31)),
          "JPY",
          "太郎",
          "t@example.jp",
          "花子",
          "h@example.jp",
        ],
        [
          "グロービクス 追加",
          new Date(Date.UTC(2027, 0, 15)),
          "USD",
          "次郎",
          "j@example.jp",
          "花子",
          "h@example.jp",
        ],
      ],
    });
    expect(summary.detectedHeaderRow).toBe(2);
    const header = effectiveHeader(summary, 2);
    expect(header).toEqual([
      "見積もり名",
      "有効期限",
      "通貨",
      "送信者 名",
      "送信者 メール",
      "担当者 名",
      "担当者 メール",
    ]);
    expect(fileProblems(summary, 2)).toEqual([]);
    const matched = autoMatch(header!, targets).map((match) => match.targetKey);
    expect(matched.slice(0, 3)).toEqual(["hs_title", "hs_expiration_date", "hs_currency"]);
  });

  it("gives a header spanning two columns to both, keeps its row as the header and says to map one", async () => {
    const summary = await read({
      name: "Quotes",
      merges: ["C1:D1"],
      rows: [
        ["見積もり名", "有効期限", "金額", null],
        ["株式会社アクメ 更新", new Date(Date.UTC(2026, 11, 31)), 1000, "JPY"],
        ["グロービクス 追加", new Date(Date.UTC(2027, 0, 15)), 2000, "USD"],
      ],
    });
    expect(summary.detectedHeaderRow).toBe(0);
    expect(effectiveHeader(summary, 0)).toEqual(["見積もり名", "有効期限", "金額", "金額"]);
    expect(fileProblems(summary, 0).map((problem) => problem.issue)).toEqual([
      { code: "file.duplicateHeader", values: { first: 3, second: 4, name: "金額" } },
    ]);
  });

  it("leaves a one-row header with text-only data alone", async () => {
    const summary = await read({
      name: "Quotes",
      rows: [
        ["見積もり名", "通貨", "言語"],
        ["株式会社アクメ 更新", "JPY", "ja"],
        ["グロービクス 追加", "USD", "en"],
      ],
    });
    expect(summary.detectedHeaderRow).toBe(0);
  });
});
