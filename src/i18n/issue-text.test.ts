import { createIntl } from "react-intl";
import { describe, expect, it } from "vitest";
import { createFormatter } from "./format.ts";
import { issueText } from "./issue-text.ts";
import { messagesFor } from "./messages.ts";

const describeIn = (locale: "en" | "ja") => {
  const intl = createIntl({ locale, messages: messagesFor(locale) });
  return issueText((id, values) => intl.formatMessage({ id }, values), createFormatter({ locale }));
};

describe("domain problems in words", () => {
  const en = describeIn("en");
  const ja = describeIn("ja");

  it("quotes and lists values the way each language does", () => {
    const unknown = {
      code: "option.unknown",
      values: {
        count: 2,
        values: ["CASH", "GOLD"],
        property: "Payment methods",
        choices: ["Card", "ACH"],
        more: 3,
      },
    } as const;
    expect(en(unknown)).toBe(
      "“CASH” and “GOLD” are not options of Payment methods. Pick one of: “Card” and “ACH”, ….",
    );
    expect(ja(unknown)).toBe(
      "「CASH」、「GOLD」はPayment methodsの選択肢にありません。次から選んでください：「Card」、「ACH」、…。",
    );
  });

  it("names the association's object and says what to do", () => {
    const missing = {
      code: "association.missing",
      values: { count: 1, ids: ["123"], object: "deals" },
    } as const;
    expect(en(missing)).toBe("Deal 123 was not found. Pick an existing deal or remove the id.");
    expect(ja(missing)).toBe("取引 123 は見つかりませんでした。既存の取引を選ぶか、ID を削除してください。");
  });

  it("puts a line item's position first", () => {
    const quantity = { code: "line.quantity", values: { value: "0" }, line: 2 } as const;
    expect(en(quantity)).toBe("Line 2: 0 is not a valid quantity. Enter a number greater than 0.");
    expect(ja(quantity)).toBe(
      "商品項目 2：0 は有効な数量ではありません。0 より大きい数値を入力してください。",
    );
  });

  it("says why HubSpot needs a deal, in HubSpot's Japanese terms", () => {
    expect(en({ code: "publish.noDeal", values: { why: "cpq" } })).toMatch(
      /^No deal: HubSpot needs one to create/,
    );
    expect(ja({ code: "date.past", values: { date: "2026-01-31", today: "2026-02-01" } })).toBe(
      "2026-01-31 は過去の日付です。今日（2026-02-01）以降の日付を入力してください。",
    );
  });
});

describe("file problems in words", () => {
  const en = describeIn("en");
  const ja = describeIn("ja");

  it("formats sizes as file sizes and names the file", () => {
    const tooLarge = {
      code: "file.tooLarge",
      values: { name: "見積.csv", sizeBytes: 52_953_088, limitBytes: 50 * 1024 * 1024 },
    } as const;
    expect(en(tooLarge)).toBe(
      "“見積.csv” is 50.5 MB, over the 50 MB limit. Split it into smaller files and import them one after another.",
    );
    expect(ja(tooLarge)).toBe(
      "「見積.csv」は 50.5 MB で、上限の 50 MB を超えています。小さなファイルに分けて、順にインポートしてください。",
    );
  });

  it("lists the rows that do not fit, unquoted, and how many more", () => {
    const ragged = {
      code: "file.raggedRows",
      values: { count: 8, expected: 3, rowFields: ["4:1", "6:5"], more: 6 },
    } as const;
    expect(en(ragged)).toBe(
      "8 rows do not have 3 fields like the header: row 4 has 1 and row 6 has 5, plus 6 more. Missing fields are imported empty; extra fields are ignored.",
    );
    expect(ja(ragged)).toBe(
      "8 行で項目の数が見出しの 3 個と合いません（4 行目は 1 個、6 行目は 5 個、ほか 6 行）。足りない項目は空欄としてインポートし、余分な項目は無視します。",
    );
  });

  it("tells a Japanese user how to save an .xls from Japanese Excel", () => {
    expect(ja({ code: "file.xls" })).toContain("「Excel ブック (*.xlsx)」");
    expect(en({ code: "file.sheetNoRows", values: { name: "q.xlsx", sheet: "集計" } })).toBe(
      "Sheet “集計” of “q.xlsx” has no rows. Pick another sheet under Sheet, or choose a file with a header row and at least one row of data.",
    );
  });
});
