import { describe, expect, it } from "vitest";
import { localeDateOrder } from "./date-order.ts";
import { parseDateParts, toIsoDateString } from "./dates.ts";
import { toHalfWidth } from "./half-width.ts";
import { readEraDate } from "./japanese-eras.ts";

const iso = (raw: string) => {
  const parts = parseDateParts(toHalfWidth(raw), "MDY");
  return parts && toIsoDateString(parts);
};

describe("date forms", () => {
  it("reads Excel serials only where a quote date can be, never a small number as a 1900 date", () => {
    expect(iso("46387")).toBe("2026-12-31");
    expect(iso("25569")).toBe("1970-01-01");
    for (const small of ["1", "15", "60", "999", "2026", "25568"]) expect(iso(small)).toBeUndefined();
  });

  it("keeps each era within its own span", () => {
    expect(readEraDate("平成31年4月30日")).toMatchObject({ year: 2019, month: 4, day: 30 });
    expect(readEraDate("平成31年5月1日")).toBeUndefined();
    expect(readEraDate("令和元年4月30日")).toBeUndefined();
    expect(readEraDate("昭和64年1月8日")).toBeUndefined();
    expect(readEraDate("r8/12/31")).toMatchObject({ year: 2026, month: 12, day: 31 });
    expect(iso("㋿8年12月31日")).toBe("2026-12-31");
  });

  it("reads times, weekdays and 12-hour clocks, and refuses impossible ones", () => {
    expect(parseDateParts("2026/12/31(木) 13:05", "MDY")).toMatchObject({ day: 31, hour: 13, minute: 5 });
    expect(parseDateParts("12/31/2026 12:15 am", "MDY")).toMatchObject({ hour: 0, minute: 15 });
    expect(parseDateParts("12/31/2026 13:15 pm", "MDY")).toBeUndefined();
    expect(parseDateParts("2026-12-31 24:00", "MDY")).toBeUndefined();
    expect(parseDateParts("2026-12-31 later", "MDY")).toBeUndefined();
    expect(parseDateParts("31 Foo 2026", "MDY")).toBeUndefined();
  });

  it("takes the day-month order from the user's locale", () => {
    expect(localeDateOrder("en-US")).toBe("MDY");
    expect(localeDateOrder("en-GB")).toBe("DMY");
    expect(localeDateOrder("de-DE")).toBe("DMY");
    expect(localeDateOrder("ja-JP")).toBe("MDY");
  });
});
