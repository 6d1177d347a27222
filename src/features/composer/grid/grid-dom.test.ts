// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { cellAt, pageSize } from "./grid-dom.ts";
import { HEADER_HEIGHT, ROW_HEIGHT } from "./grid-layout.ts";

describe("cellAt", () => {
  it("reads the cell from the element hit or its nearest cell ancestor; the row number is column -1", () => {
    document.body.innerHTML = `
      <div data-row="4" data-col="2"><span id="inside">text</span></div>
      <div data-row="7" data-col="-1" id="number"></div>
      <div id="outside"></div>`;
    expect(cellAt(document.getElementById("inside"))).toEqual({ row: 4, col: 2 });
    expect(cellAt(document.getElementById("number"))).toEqual({ row: 7, col: -1 });
    expect(cellAt(document.getElementById("outside"))).toBeUndefined();
    expect(cellAt(null)).toBeUndefined();
  });
});

describe("pageSize", () => {
  it("is a screenful of rows under the header less one of overlap, and at least one", () => {
    expect(pageSize(HEADER_HEIGHT + 10 * ROW_HEIGHT)).toBe(9);
    expect(pageSize(0)).toBe(1);
  });
});
