import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { FileIssueError } from "../../../domain/csv/file-issue.ts";
import { buildTargets } from "../../../domain/csv/targets.ts";
import { TEST_PROPERTIES } from "../../../domain/csv/test-targets.ts";
import { workbookBytes } from "../../../test/workbook-fixture.ts";
import { ParseSession } from "./parse-session.ts";
import { openWorkbook } from "./read-workbook.ts";

const targets = buildTargets(TEST_PROPERTIES);
const target = (key: string) => targets.find((t) => t.key === key)!;
const noProgress = () => {};

const quotes = {
  name: "見積もり",
  merges: ["A1:C1"],
  rows: [
    ["2026年度 更新見積もり一覧", null, null, null],
    ["見積もり名", "有効期限", "割引", "送信日時"],
    [
      "株式会社アクメ 更新",
      new Date(Date.UTC(2026, 11, 31)),
      10,
      { date: new Date(Date.UTC(2026, 11, 1, 9, 30)), numFmt: "yyyy/m/d h:mm" },
    ],
    ["グロービクス 追加", new Date(Date.UTC(2027, 0, 15)), { formula: "C3*2", result: 20 }, null],
    ["合計", null, { formula: "SUM(C3:C4)", result: 30 }, null],
  ],
};

describe("reading .xlsx workbooks", () => {
  it("lists the sheets and reads dates as dates and formulas as their results", async () => {
    const bytes = await workbookBytes([{ name: "Notes", rows: [["Read me"]] }, quotes]);
    const workbook = openWorkbook(bytes);
    expect(workbook.sheets.map(({ name, rows }) => ({ name, rows }))).toEqual([
      { name: "Notes", rows: 1 },
      { name: "見積もり", rows: 5 },
    ]);
    expect(workbook.readSheet(1)).toEqual([
      ["2026年度 更新見積もり一覧", "", "", ""],
      ["見積もり名", "有効期限", "割引", "送信日時"],
      ["株式会社アクメ 更新", "2026-12-31", "10", "2026-12-01 09:30:00"],
      ["グロービクス 追加", "2027-01-15", "20", ""],
      ["合計", "", "30", ""],
    ]);
  });

  it("goes through the same header detection, summary rows, mapping and coercion as a CSV", async () => {
    const bytes = await workbookBytes([{ name: "Notes", rows: [["Read me"]] }, quotes]);
    const session = new ParseSession();
    await session.load(new Blob([bytes.slice()]));
    const first = await session.parse({}, 0, noProgress);
    // "Notes" has no data rows below a header: the quotes sheet is opened first.
    expect(first.workbook).toMatchObject({ sheet: 1 });
    const summary = await session.parse({ sheet: 1 }, 0, noProgress);
    expect(summary.workbook?.sheet).toBe(1);
    expect(summary.detectedHeaderRow).toBe(1);
    expect(summary.summaryRows?.from).toBe(4);
    const analysed = session.analyse(
      1,
      summary.summaryRows!.from,
      [
        { column: 0, target: target("hs_title") },
        { column: 1, target: target("hs_expiration_date") },
        { column: 2, target: target("hs_discount") },
      ],
      null,
      "MDY",
      noProgress,
    );
    expect(analysed.rowCount).toBe(2);
    expect(analysed.columns[1]!.sample).toEqual(["2026-12-31", "2027-01-15"]);
    expect(analysed.columns[2]!.sample).toEqual(["10", "20"]);
  });

  it("explains a damaged workbook, or a ZIP that is no workbook, as a code the page words", () => {
    const codeOf = (bytes: Uint8Array) => {
      try {
        openWorkbook(bytes);
      } catch (error) {
        return error instanceof FileIssueError ? error.issue.code : String(error);
      }
      return "opened";
    };
    expect(codeOf(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toBe("file.damagedWorkbook");
    expect(codeOf(zipSync({ "notes.txt": strToU8("hello") }))).toBe("file.zipNotWorkbook");
  });
});
