import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseTsv, quoteTsvField, serializeTsv } from "./tsv.ts";

describe("parseTsv", () => {
  it("reads Excel's clipboard: CRLF rows, a trailing newline, empty fields", () => {
    expect(parseTsv("a\tb\r\nc\t\r\n")).toEqual([
      ["a", "b"],
      ["c", ""],
    ]);
    expect(parseTsv("one")).toEqual([["one"]]);
    expect(parseTsv("")).toEqual([]);
    expect(parseTsv("\r\n")).toEqual([[""]]);
    expect(parseTsv("a\n\nb\n")).toEqual([["a"], [""], ["b"]]);
    expect(parseTsv("x\ry")).toEqual([["x"], ["y"]]);
  });

  it("reads quoted fields with tabs, doubled quotes and newlines inside", () => {
    const text = 'Title\tNotes\r\n"Q1 ""big"" deal"\t"line one\r\nline two\tstill notes"\r\nplain\tend\r\n';
    expect(parseTsv(text)).toEqual([
      ["Title", "Notes"],
      ['Q1 "big" deal', "line one\r\nline two\tstill notes"],
      ["plain", "end"],
    ]);
  });

  it("takes stray quotes literally, as Google Sheets copies them", () => {
    expect(parseTsv('5" pipe\t"open\nnext')).toEqual([['5" pipe', '"open'], ["next"]]);
    expect(parseTsv('"ab"c\td')).toEqual([['"ab"c', "d"]]);
  });

  it("round-trips any block through serializeTsv", () => {
    const field = fc.string({ unit: fc.constantFrom("a", "b", " ", "\t", "\n", "\r\n", '"', "é") });
    const block = fc
      .integer({ min: 1, max: 4 })
      .chain((width) =>
        fc.array(fc.array(field, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 5 }),
      );
    fc.assert(
      fc.property(block, (rows) => {
        // A single row of one empty field serialises to "\r\n", the same as Excel's empty cell.
        expect(parseTsv(serializeTsv(rows))).toEqual(rows);
      }),
    );
  });
});

describe("serializeTsv", () => {
  it("quotes only fields that need it, like Excel", () => {
    expect(quoteTsvField("plain")).toBe("plain");
    expect(quoteTsvField('say "hi"')).toBe('"say ""hi"""');
    expect(quoteTsvField("a\nb")).toBe('"a\nb"');
    expect(
      serializeTsv([
        ["a", "b\tc"],
        ["d", ""],
      ]),
    ).toBe('a\t"b\tc"\r\nd\t\r\n');
    expect(serializeTsv([])).toBe("");
  });
});
