import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CSV_DELIMITERS, detectDelimiter } from "./delimiter.ts";
import { columnNames, detectHeaderRow } from "./header.ts";
import { sampleRecords } from "./sample-records.ts";

describe("delimiter detection", () => {
  it.each([
    [",", "title,expires,amount\nA,2024-01-01,3\nB,2024-01-02,4"],
    [";", "title;expires;amount\nA;2024-01-01;3,5\nB;2024-01-02;4,25"],
    ["\t", "title\texpires\nA, B\t2024-01-01\nC\t2024-01-02"],
    ["|", "title|expires|note\nA|2024|x, y\nB|2025|z; w"],
  ])("finds %j", (delimiter, text) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });

  it("ignores delimiters inside quotes and survives a preamble", () => {
    const text =
      'Report generated on 2024-01-01, by Ann\n\ntitle;note;n\n"A; with semi";"x, y";1\nB;"q";2\nC;;3';
    expect(detectDelimiter(text)).toBe(";");
  });

  it("finds the delimiter of any generated regular table", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CSV_DELIMITERS),
        fc.integer({ min: 2, max: 8 }),
        fc.integer({ min: 2, max: 20 }),
        (delimiter, width, height) => {
          const line = (row: number) =>
            Array.from({ length: width }, (_, col) => (col === 0 ? `"v ${row}, ${col}; |"` : `v${row}`)).join(
              delimiter,
            );
          const text = Array.from({ length: height }, (_, row) => line(row)).join("\n");
          return detectDelimiter(text) === delimiter;
        },
      ),
    );
  });
});

describe("header row detection", () => {
  const records = (text: string) => sampleRecords(text, ",");

  it("takes the first row of a plain table", () => {
    expect(detectHeaderRow(records("Title,Expires,Deal ID\nA,2024-01-01,1\nB,2024-02-01,2"))).toBe(0);
  });

  it("skips a title, a generated-on line and blank lines", () => {
    const text =
      "Quotes export\nReport generated on 2024-01-01 10:00\n\n,,\nTitle,Expires,Deal ID\nA,2024-01-01,1\nB,,2";
    expect(detectHeaderRow(records(text))).toBe(4);
  });

  it("says there is no header when the first row is data", () => {
    expect(detectHeaderRow(records("2024-01-01,100,3\n2024-01-02,200,4"))).toBeNull();
  });

  it("names columns without a header, and blank header cells, by position", () => {
    const positional = (column: number) => `Column ${column}`;
    expect(columnNames(null, 2, positional)).toEqual(["Column 1", "Column 2"]);
    expect(columnNames(["Title", " ", "Deal"], 4, positional)).toEqual([
      "Title",
      "Column 2",
      "Deal",
      "Column 4",
    ]);
  });

  it("keeps quoted newlines inside one field", () => {
    expect(records('a,b\n"line 1\nline 2",x\n')).toEqual([
      ["a", "b"],
      ["line 1\nline 2", "x"],
    ]);
  });
});
