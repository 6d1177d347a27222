import { describe, expect, it } from "vitest";
import { Announcer } from "./announcer.ts";

describe("Announcer", () => {
  it("tells its listeners each announcement, a repeated text as a new one", () => {
    const announcer = new Announcer();
    const heard: [string, number][] = [];
    const stop = announcer.subscribe((a) => heard.push([a.text, a.seq]));
    announcer.announce("Submission started");
    announcer.announce("Submission started");
    stop();
    announcer.announce("Not heard");
    expect(heard).toEqual([
      ["Submission started", 1],
      ["Submission started", 2],
    ]);
    expect(announcer.history).toEqual(["Submission started", "Submission started", "Not heard"]);
  });

  it("says nothing for blank text and keeps only the last 50", () => {
    const announcer = new Announcer();
    announcer.announce("  ");
    expect(announcer.current.seq).toBe(0);
    for (let n = 1; n <= 60; n++) announcer.announce(`m${n}`);
    expect(announcer.history).toHaveLength(50);
    expect(announcer.history[0]).toBe("m11");
    expect(announcer.current).toEqual({ text: "m60", seq: 60 });
  });
});
