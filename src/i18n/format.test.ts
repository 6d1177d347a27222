import { describe, expect, it } from "vitest";
import { createFormatter, fileTimestamp } from "./format.ts";

// Intl output uses narrow no-break spaces in places; compare with plain spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

describe("createFormatter", () => {
  const en = createFormatter({ locale: "en-US", timeZone: "Asia/Tokyo" });
  const ja = createFormatter({ locale: "ja-JP", timeZone: "Asia/Tokyo" });
  const de = createFormatter({ locale: "de-DE", timeZone: "Europe/Berlin" });

  it("groups every number the same way in one locale", () => {
    expect(en.number(10000)).toBe("10,000");
    expect(en.number(6265)).toBe("6,265");
    expect(de.number(10000)).toBe("10.000");
    expect(de.number(6265)).toBe("6.265");
    expect(en.number(0.125)).toBe("0.125");
  });

  it("shows money with its currency; yen has no decimals", () => {
    expect(ja.money(6265, "JPY")).toBe("￥6,265");
    expect(en.money(6265.4, "JPY")).toBe("¥6,265");
    expect(en.money(12.5, "USD")).toBe("$12.50");
    expect(plain(de.money(12.5, "EUR"))).toBe("12,50 €");
  });

  it("still shows an amount whose currency code is not one", () => {
    expect(en.money(12, "XX1")).toBe("12 XX1");
  });

  it("shows calendar dates without a time-zone shift", () => {
    const honolulu = createFormatter({ locale: "en-US", timeZone: "Pacific/Honolulu" });
    expect(honolulu.calendarDate("2026-12-31")).toBe("Dec 31, 2026");
    expect(ja.calendarDate("2026-12-31")).toBe("2026/12/31");
    expect(ja.calendarDate("not a date")).toBe("not a date");
  });

  it("shows instants in the user's time zone", () => {
    const instant = "2026-12-31T15:30:00Z";
    expect(ja.date(instant)).toBe("2027/01/01");
    expect(plain(en.dateTime(instant))).toBe("Jan 1, 2027, 12:30 AM");
    expect(ja.time(instant)).toBe("0:30:00");
    expect(de.time(instant)).toBe("16:30:00");
  });

  it("shows durations with their unit", () => {
    expect(en.milliseconds(119.6)).toBe("120 ms");
    expect(en.seconds(2500)).toBe("2.5 sec");
    expect(ja.seconds(2500)).toBe("2.5 秒");
    expect(en.duration(125_000)).toBe("2 min 5 sec");
    expect(en.duration(120_000)).toBe("2 min");
    expect(ja.duration(125_000)).toBe("2 分 5 秒");
    expect(en.duration(400)).toBe("1 sec");
  });

  it("lists items the locale's way", () => {
    expect(en.list(["row 2", "row 5", "row 9"])).toBe("row 2, row 5, and row 9");
    expect(ja.list(["行2", "行5"])).toBe("行2、行5");
  });
});

describe("fileTimestamp", () => {
  it("names files by the local time, sortable and without colons", () => {
    expect(fileTimestamp("2026-12-01T10:30:05Z", "Asia/Tokyo")).toBe("2026-12-01_19-30-05");
    expect(fileTimestamp("2026-12-31T23:59:59Z", "America/New_York")).toBe("2026-12-31_18-59-59");
    expect(fileTimestamp("2026-12-31T15:00:00Z", "Asia/Tokyo")).toBe("2027-01-01_00-00-00");
  });
});
