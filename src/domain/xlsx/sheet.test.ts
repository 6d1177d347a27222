import { describe, expect, it } from "vitest";
import { formatKind, parseStyleKinds } from "./number-formats.ts";
import { parseSharedStrings } from "./shared-strings.ts";
import { columnIndex, parseSheet } from "./sheet.ts";
import { parseWorkbook } from "./workbook.ts";

const sheet = (rows: string, merges = "") =>
  `<worksheet><sheetData>${rows}</sheetData>${merges ? `<mergeCells>${merges}</mergeCells>` : ""}</worksheet>`;

describe("SpreadsheetML parts", () => {
  it("tells dates, date-times and times from numbers by their format code", () => {
    expect(formatKind("yyyy/mm/dd")).toBe("date");
    expect(formatKind('[$-411]ggge"年"m"月"d"日"')).toBe("date");
    expect(formatKind("m/d/yy h:mm")).toBe("datetime");
    expect(formatKind("[h]:mm:ss")).toBe("time");
    expect(formatKind("#,##0.00")).toBe("number");
    expect(formatKind("0.00E+00")).toBe("number");
    expect(formatKind("[$¥-411]#,##0;[Red]-[$¥-411]#,##0")).toBe("number");
    expect(formatKind("General")).toBe("number");
    expect(formatKind("@")).toBe("number");
  });

  it("reads styles: built-in date formats and custom ones, by cell style index", () => {
    const styles = `<styleSheet><numFmts><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>
      <cellStyleXfs><xf numFmtId="14"/></cellStyleXfs>
      <cellXfs><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164"/><xf numFmtId="22"/></cellXfs></styleSheet>`;
    expect(parseStyleKinds(styles)).toEqual(["number", "date", "date", "datetime"]);
  });

  it("reads shared strings without their furigana, and Excel's escapes", () => {
    const xml = `<sst><si><t>株式会社</t><rPh sb="0" eb="4"><t>カブシキガイシャ</t></rPh></si><si><r><t>A &amp; </t></r><r><t>B_x000D_</t></r></si><si/></sst>`;
    expect(parseSharedStrings(xml)).toEqual(["株式会社", "A & B\r", ""]);
  });

  it("reads cells of every type, keeps Excel's row numbers and fills merged headers and grouped rows", () => {
    const xml = sheet(
      `<row r="1"><c r="A1" t="inlineStr"><is><t>Title</t></is></c><c r="B1" t="s"><v>0</v></c><c r="D1" t="s"><v>1</v></c></row>
       <row r="3"><c r="A3" t="s"><v>2</v></c><c r="B3" s="1"><v>46387</v></c><c r="C3"><v>1200.5</v></c><c r="D3" t="b"><v>1</v></c></row>
       <row r="4"><c r="B4" t="str"><f>TEXT(B3)</f><v>x</v></c><c r="C4" t="e"><v>#N/A</v></c><c r="D4"><f>D3</f></c></row>`,
      `<mergeCell ref="B1:C1"/><mergeCell ref="A3:A4"/>`,
    );
    const records = parseSheet(xml, {
      strings: ["Amount", "Paid", "Acme"],
      styles: ["number", "date"],
      date1904: false,
    });
    expect(records).toEqual([
      ["Title", "Amount", "Amount", "Paid"],
      ["", "", "", ""],
      ["Acme", "2026-12-31", "1200.5", "TRUE"],
      ["Acme", "x", "#N/A", ""],
    ]);
  });

  it("counts 1904-based serials from 1904", () => {
    const xml = sheet(`<row r="1"><c r="A1" s="1"><v>44925</v></c></row>`);
    expect(parseSheet(xml, { strings: [], styles: ["number", "date"], date1904: true })).toEqual([
      ["2026-12-31"],
    ]);
  });

  it("finds the sheets in tab order through the relationships", () => {
    const workbook = `<workbook><workbookPr date1904="1"/><sheets><sheet name="Quotes" sheetId="2" r:id="rId2"/><sheet name="Old" sheetId="1" state="hidden" r:id="rId1"/></sheets></workbook>`;
    const rels = `<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Target="/xl/worksheets/sheet2.xml"/></Relationships>`;
    expect(parseWorkbook(workbook, rels)).toEqual({
      sheets: [
        { name: "Quotes", path: "xl/worksheets/sheet2.xml", hidden: false },
        { name: "Old", path: "xl/worksheets/sheet1.xml", hidden: true },
      ],
      date1904: true,
    });
    expect(columnIndex("AB12")).toBe(27);
  });
});
