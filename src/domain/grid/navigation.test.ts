import { describe, expect, it } from "vitest";
import { navigate } from "./navigation.ts";
import { cell, collapsed, extendTo, type Selection } from "./selection.ts";

const size = { rows: 100, cols: 5 };
const at = (row: number, col: number) => collapsed(cell(row, col));
const go = (selection: Selection, key: string, mods: { shift?: boolean; mod?: boolean } = {}) =>
  navigate(selection, { key, ...mods }, size, 10);

describe("navigate", () => {
  it("moves with arrows and stops at the edges", () => {
    expect(go(at(3, 2), "ArrowDown")).toEqual(at(4, 2));
    expect(go(at(3, 2), "ArrowUp")).toEqual(at(2, 2));
    expect(go(at(3, 2), "ArrowLeft")).toEqual(at(3, 1));
    expect(go(at(3, 2), "ArrowRight")).toEqual(at(3, 3));
    expect(go(at(0, 0), "ArrowUp")).toEqual(at(0, 0));
    expect(go(at(99, 4), "ArrowRight")).toEqual(at(99, 4));
    expect(go(at(3, 2), "ArrowDown", { mod: true })).toEqual(at(99, 2));
  });

  it("extends the range with Shift and keeps the anchor", () => {
    const once = go(at(3, 2), "ArrowDown", { shift: true })!;
    const twice = go(once, "ArrowRight", { shift: true })!;
    expect(twice).toEqual({ anchor: cell(3, 2), active: cell(4, 3) });
    expect(go(twice, "End", { shift: true })).toEqual({ anchor: cell(3, 2), active: cell(4, 4) });
    expect(go(twice, "ArrowDown")).toEqual(at(5, 3));
  });

  it("wraps Tab to the next row and Shift+Tab to the previous one", () => {
    expect(go(at(3, 3), "Tab")).toEqual(at(3, 4));
    expect(go(at(3, 4), "Tab")).toEqual(at(4, 0));
    expect(go(at(99, 4), "Tab")).toEqual(at(99, 4));
    expect(go(at(4, 0), "Tab", { shift: true })).toEqual(at(3, 4));
    expect(go(at(0, 0), "Tab", { shift: true })).toEqual(at(0, 0));
    expect(go(extendTo(at(1, 1), cell(3, 3)), "Tab")).toEqual(at(3, 4));
  });

  it("moves down with Enter and up with Shift+Enter", () => {
    expect(go(at(3, 1), "Enter")).toEqual(at(4, 1));
    expect(go(at(3, 1), "Enter", { shift: true })).toEqual(at(2, 1));
  });

  it("jumps with Home/End, Ctrl+Home/End and pages", () => {
    expect(go(at(7, 3), "Home")).toEqual(at(7, 0));
    expect(go(at(7, 1), "End")).toEqual(at(7, 4));
    expect(go(at(7, 3), "Home", { mod: true })).toEqual(at(0, 0));
    expect(go(at(7, 3), "End", { mod: true })).toEqual(at(99, 4));
    expect(go(at(7, 3), "PageDown")).toEqual(at(17, 3));
    expect(go(at(7, 3), "PageUp")).toEqual(at(0, 3));
    expect(go(at(95, 3), "PageDown")).toEqual(at(99, 3));
    expect(go(at(7, 3), "PageDown", { shift: true })).toEqual({ anchor: cell(7, 3), active: cell(17, 3) });
  });

  it("ignores other keys and empty grids", () => {
    expect(go(at(1, 1), "a")).toBeUndefined();
    expect(navigate(at(0, 0), { key: "ArrowDown" }, { rows: 0, cols: 5 }, 10)).toBeUndefined();
  });
});
