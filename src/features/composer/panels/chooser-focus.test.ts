import { describe, expect, it } from "vitest";
import { focusAfter } from "./chooser-focus.ts";

const movable = (key: string) => key !== "name" && key !== "date";
const keys = ["name", "date", "a", "b", "c"];

describe("focusAfter (column chooser)", () => {
  it("keeps focus on the arrow that moved a column, or its other arrow at either end", () => {
    expect(focusAfter(keys, ["name", "date", "b", "a", "c"], { key: "a", action: "down" }, movable)).toEqual({
      key: "a",
      action: "down",
    });
    expect(focusAfter(keys, ["name", "date", "a", "c", "b"], { key: "b", action: "down" }, movable)).toEqual({
      key: "b",
      action: "up",
    });
    expect(focusAfter(keys, ["name", "date", "b", "a", "c"], { key: "b", action: "up" }, movable)).toEqual({
      key: "b",
      action: "down",
    });
  });

  it("moves focus to the next column's Remove, the previous one's after the last, the heading when none is left", () => {
    expect(focusAfter(keys, ["name", "date", "b", "c"], { key: "a", action: "remove" }, movable)).toEqual({
      key: "b",
      action: "remove",
    });
    expect(focusAfter(keys, ["name", "date", "a", "b"], { key: "c", action: "remove" }, movable)).toEqual({
      key: "b",
      action: "remove",
    });
    expect(focusAfter(["name", "date", "a"], ["name", "date"], { key: "a", action: "remove" }, movable)).toBe(
      "heading",
    );
  });
});
