import { describe, expect, it } from "vitest";
import { detectSummaryRows, isSummaryLabel } from "./summary-rows.ts";

const csv = (text: string) => text.split("\n").map((line) => line.split(","));
const quotes = "Title,Expires,Amount\nAcme,2026-12-31,10\nGlobex,2026-11-30,5\n";

describe("summary rows at the end of a file", () => {
  it("finds a totals line, in several languages", () => {
    for (const label of [
      "Total",
      "TOTAL:",
      "Grand total",
      "Summe",
      "Gesamt",
      "合計",
      "合計（税込）",
      "小計",
      "Total (EUR)",
    ])
      expect(detectSummaryRows(csv(`${quotes}${label},,15`), 1)).toBe(3);
  });

  it("finds a title-less row of numbers, and several summary lines with blanks between and after", () => {
    expect(detectSummaryRows(csv(`${quotes},,15`), 1)).toBe(3);
    expect(detectSummaryRows(csv(`${quotes}\nSubtotal,,15\nAverage,,7.5\n\n`), 1)).toBe(4);
  });

  it("leaves data alone: quotes named like totals, numeric data, and the only data row", () => {
    expect(detectSummaryRows(csv(`${quotes}Total renewal 2026,2026-10-01,3`), 1)).toBeNull();
    expect(detectSummaryRows(csv(`${quotes}Initech,2026-10-01,3`), 1)).toBeNull();
    expect(detectSummaryRows(csv("Deal,Amount\n11,5\n12,7\n13,9"), 1)).toBeNull();
    expect(detectSummaryRows(csv("Title,Amount\nTotal,15"), 1)).toBeNull();
  });

  it("reads labels after NFKC and without punctuation", () => {
    expect(isSummaryLabel("ＴＯＴＡＬ")).toBe(true);
    expect(isSummaryLabel(" Total: ")).toBe(true);
    expect(isSummaryLabel("Totality")).toBe(false);
  });
});
