import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { createIntl } from "react-intl";
import { describe, expect, it } from "vitest";
import { createRow } from "../../domain/batch/row.ts";
import { createSubmission } from "../../domain/submission/state.ts";
import type { SubmissionState } from "../../domain/submission/types.ts";
import { createFormatter, fileTimestamp } from "../../i18n/format.ts";
import { messagesFor } from "../../i18n/messages.ts";
import type { Translate } from "../../i18n/use-t.ts";
import { buildResultsExport } from "./export-results.ts";

const NOW = Date.UTC(2026, 11, 1, 14, 30, 5);

const formatter = (language: "en" | "ja") => createFormatter({ locale: language });

function translate(language: "en" | "ja"): Translate {
  const intl = createIntl({ locale: language, messages: messagesFor(language) });
  return (id, values) => intl.formatMessage({ id }, values);
}

function results(): SubmissionState {
  const { state } = createSubmission({
    id: "s",
    now: NOW,
    environment: { kind: "simulator" },
    rateLimit: { max: 100, intervalMs: 10_000 },
    rows: ["株式会社サンプル 更新見積もり", "東京支店 🙂 追加"].map((title, i) => ({
      row: createRow({ hs_title: title }, `r${i + 1}`),
      rowNumber: i + 1,
    })),
    serialise: {},
  });
  return {
    ...state,
    rows: [
      { ...state.rows[0]!, outcome: "created", hubspotId: "900" },
      {
        ...state.rows[1]!,
        outcome: "failed",
        error: { category: "VALIDATION_ERROR", message: "価格が不正です" },
      },
      {
        ...state.rows[1]!,
        rowId: "r3",
        rowNumber: 3,
        title: "大阪支店",
        outcome: "not-sent",
        error: { category: "RATE_LIMITS", message: { code: "dailyLimit" } },
      },
    ],
  };
}

const bytesOf = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());

describe("results export in the user's language", () => {
  it("UTF-8 CSV with a BOM, Japanese headers and status words, named by local time", async () => {
    const file = await buildResultsExport(results(), "csv-utf8", translate("ja"), formatter("ja"));
    expect(file.name).toBe(`quote-results-${fileTimestamp(NOW)}.csv`);
    const bytes = await bytesOf(file.blob);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text.split("\r\n")[0]).toBe(
      "行,タイトル,HubSpot ID,結果,エラーの種類,エラーメッセージ,プロパティ",
    );
    expect(text).toContain("1,株式会社サンプル 更新見積もり,900,作成済み,,,");
    expect(text).toContain("2,東京支店 🙂 追加,,失敗,VALIDATION_ERROR,価格が不正です,");
    const en = new TextDecoder().decode(
      await bytesOf((await buildResultsExport(results(), "csv-utf8", translate("en"), formatter("en"))).blob),
    );
    expect(en).toContain("Row,Title,HubSpot id,Outcome,Error category,Error message,Property");
    expect(en).toContain(",created,");
    // Our own messages are codes, written in the export's language; HubSpot's words stay as HubSpot wrote them.
    expect(text).toContain(
      "3,大阪支店,,未送信,RATE_LIMITS,このアカウントの HubSpot の 1 日あたりの API 上限に達しました。",
    );
    expect(en).toContain(
      "3,大阪支店,,not sent,RATE_LIMITS,HubSpot's daily API limit for this account is used up.",
    );
    expect(en).toContain("2,東京支店 🙂 追加,,failed,VALIDATION_ERROR,価格が不正です,");
  });

  it("Shift_JIS/CP932 on request, decoding to the same text, with what it cannot hold reported by row", async () => {
    const file = await buildResultsExport(results(), "csv-cp932", translate("ja"), formatter("ja"));
    const text = new TextDecoder("shift_jis").decode(await bytesOf(file.blob));
    expect(text.split("\r\n")[0]).toBe(
      "行,タイトル,HubSpot ID,結果,エラーの種類,エラーメッセージ,プロパティ",
    );
    expect(text).toContain("1,株式会社サンプル 更新見積もり,900,作成済み");
    expect(text).toContain("2,東京支店 ? 追加,,失敗");
    expect(file.unmappable).toEqual({ chars: ["🙂"], rows: [2] });
  });

  it("an .xlsx workbook a real library opens, with the headers in Japanese and row numbers as numbers", async () => {
    const file = await buildResultsExport(results(), "xlsx", translate("ja"), formatter("ja"));
    expect(file.name).toMatch(/^quote-results-\d{4}-\d{2}-\d{2}_\d{2}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.read(Readable.from([Buffer.from(await bytesOf(file.blob))]));
    const sheet = workbook.getWorksheet("結果")!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      "行",
      "タイトル",
      "HubSpot ID",
      "結果",
      "エラーの種類",
      "エラーメッセージ",
      "プロパティ",
    ]);
    expect(sheet.getCell("A3").value).toBe(2);
    expect(sheet.getCell("B3").value).toBe("東京支店 🙂 追加");
    expect(sheet.getCell("D3").value).toBe("失敗");
  });
});
