import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { columnLetters } from "../../domain/xlsx/write-workbook.ts";
import { xlsxBytes } from "./xlsx-file.ts";

async function open(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  // A stream: exceljs types `load` with an older Buffer type than Node 20's.
  await workbook.xlsx.read(Readable.from([Buffer.from(bytes)]));
  return workbook;
}

describe("writing .xlsx", () => {
  it("names columns as Excel does", () => {
    expect([0, 25, 26, 27, 701, 702].map(columnLetters)).toEqual(["A", "Z", "AA", "AB", "ZZ", "AAA"]);
  });

  it("is a workbook a real library opens: text as text, numbers as numbers, the header bold and frozen", async () => {
    const bytes = xlsxBytes([
      {
        name: "結果",
        rows: [
          ["行", "タイトル", "金額", "メッセージ"],
          [1, "株式会社サンプル <見積もり> & “1”", 1234.5, "=SUM(A1)"],
          [2, "🙂 行\n2", "", "-1"],
        ],
      },
    ]);
    const workbook = await open(bytes);
    const sheet = workbook.getWorksheet("結果")!;
    expect(sheet.getCell("A1").value).toBe("行");
    expect(sheet.getCell("A1").font?.bold).toBe(true);
    expect(sheet.getCell("A2").value).toBe(1);
    expect(sheet.getCell("B2").value).toBe("株式会社サンプル <見積もり> & “1”");
    expect(sheet.getCell("C2").value).toBe(1234.5);
    // Inline text is never a formula, so nothing needs neutralising in a workbook.
    expect(sheet.getCell("D2").value).toBe("=SUM(A1)");
    expect(sheet.getCell("B3").value).toBe("🙂 行\n2");
    expect(sheet.getCell("C3").value).toBe(null);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
  });

  it("makes sheet names Excel accepts and keeps control characters out of the XML", async () => {
    const bytes = xlsxBytes([
      { name: "a/b:c*d?[e]", rows: [["x\u0001y"]] },
      { name: "x".repeat(40), rows: [["1"]] },
      { name: "X".repeat(40), rows: [["2"]] },
    ]);
    const workbook = await open(bytes);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      "a_b_c_d__e_",
      "x".repeat(31),
      `${"X".repeat(29)}_2`,
    ]);
    expect(workbook.worksheets[0]!.getCell("A1").value).toBe("x\ufffdy");
  });
});
