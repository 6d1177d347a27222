import { describe, expect, it } from "vitest";
import {
  cell,
  clampPos,
  clampSelection,
  collapsed,
  extendTo,
  isSingleCell,
  rangeContains,
  selectionRange,
  selectRange,
} from "./selection.ts";

describe("selection", () => {
  it("spans the rectangle between anchor and active cell whichever way it was dragged", () => {
    const selection = extendTo(collapsed(cell(5, 3)), cell(2, 1));
    expect(selectionRange(selection)).toEqual({ top: 2, left: 1, bottom: 5, right: 3 });
    expect(rangeContains(selectionRange(selection), 3, 2)).toBe(true);
    expect(rangeContains(selectionRange(selection), 6, 2)).toBe(false);
    expect(isSingleCell(selectionRange(collapsed(cell(1, 1))))).toBe(true);
  });

  it("clamps into the grid and keeps identity when nothing changes", () => {
    expect(clampPos(cell(10, -2), { rows: 4, cols: 3 })).toEqual(cell(3, 0));
    expect(clampPos(cell(0, 0), { rows: 0, cols: 3 })).toEqual(cell(0, 0));
    const inside = collapsed(cell(1, 1));
    expect(clampSelection(inside, { rows: 4, cols: 4 })).toBe(inside);
    expect(clampSelection(extendTo(inside, cell(9, 9)), { rows: 4, cols: 4 })).toEqual({
      anchor: cell(1, 1),
      active: cell(3, 3),
    });
  });

  it("turns a range back into a selection", () => {
    const range = { top: 1, left: 2, bottom: 3, right: 4 };
    expect(selectionRange(selectRange(range))).toEqual(range);
  });
});
