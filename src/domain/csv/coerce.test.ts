import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeBoolean } from "../values/booleans.ts";
import { analyseDateOrder } from "../values/date-order.ts";
import { fromExcelSerial, parseDateParts, toIsoDateString } from "../values/dates.ts";
import { analyseDecimalSeparator, normalizeNumber } from "../values/numbers.ts";
import type { CoercionContext } from "./coerce.ts";
import { createCoercer, emptyStats } from "./coerce.ts";
import { buildTargets } from "./targets.ts";
import { TEST_PROPERTIES } from "./test-targets.ts";

const targets = buildTargets(TEST_PROPERTIES);
/** The test's user is in UTC, so zone-less times read the same on every machine. */
const utc = (local: string) => `${local}.000Z`;
const target = (key: string) => targets.find((t) => t.key === key)!;
function coerceAll(key: string, values: string[], context: Partial<CoercionContext> = {}) {
  const stats = emptyStats();
  const coerce = createCoercer(target(key), { dateOrder: "MDY", decimal: ".", localToIso: utc, ...context });
  return { values: values.map((value) => coerce(value, stats)), stats };
}

describe("dates", () => {
  it.each([
    ["2024-01-05", "MDY", "2024-01-05"],
    ["2024/1/5", "MDY", "2024-01-05"],
    ["2024.01.05", "MDY", "2024-01-05"],
    ["05.01.2024", "MDY", "2024-01-05"],
    ["01/05/2024", "MDY", "2024-01-05"],
    ["05/01/2024", "DMY", "2024-01-05"],
    ["5-1-24", "DMY", "2024-01-05"],
    ["2024年1月5日", "MDY", "2024-01-05"],
    ["45291", "MDY", "2023-12-31"],
    ["2024-01-05T10:00:00Z", "MDY", "2024-01-05"],
  ] as const)("reads %s (%s) as %s", (raw, order, iso) => {
    const parts = parseDateParts(raw, order);
    expect(parts && toIsoDateString(parts)).toBe(iso);
  });

  it("rejects impossible dates", () => {
    expect(parseDateParts("2024-02-30", "MDY")).toBeUndefined();
    expect(parseDateParts("13/13/2024", "MDY")).toBeUndefined();
    expect(parseDateParts("soon", "MDY")).toBeUndefined();
  });

  it("honours Excel's 1900 leap-year bug", () => {
    expect(toIsoDateString(fromExcelSerial(1)!)).toBe("1900-01-01");
    expect(toIsoDateString(fromExcelSerial(59)!)).toBe("1900-02-28");
    expect(fromExcelSerial(60)).toBeUndefined();
    expect(toIsoDateString(fromExcelSerial(61)!)).toBe("1900-03-01");
    expect(toIsoDateString(fromExcelSerial(45291)!)).toBe("2023-12-31");
  });

  it("chooses the day-month order from all values and flags ambiguity", () => {
    expect(analyseDateOrder(["01/02/2024", "25/02/2024"]).order).toBe("DMY");
    expect(analyseDateOrder(["01/02/2024", "02/25/2024"]).order).toBe("MDY");
    expect(analyseDateOrder(["01/02/2024", "03/04/2024"], "DMY")).toMatchObject({
      order: "DMY",
      ambiguous: true,
    });
    expect(analyseDateOrder(["13/02/2024", "02/25/2024"]).conflicting).toBe(true);
  });

  it("coerces date and datetime columns and keeps what it cannot read", () => {
    const dates = coerceAll("hs_expiration_date", ["2024-01-05", "31.12.2024", "45291", "", "next week"]);
    expect(dates.values).toEqual(["2024-01-05", "2024-12-31", "2023-12-31", "", "next week"]);
    expect(dates.stats).toEqual({ unchanged: 1, coerced: 2, empty: 1, invalid: 1 });
    const times = coerceAll("hs_sent_at", [
      "2024-01-05 13:30",
      "2024-01-05T13:30:00+09:00",
      "1/5/2024 1:30 PM",
    ]);
    expect(times.values).toEqual([
      "2024-01-05T13:30:00.000Z",
      "2024-01-05T13:30:00+09:00",
      "2024-01-05T13:30:00.000Z",
    ]);
  });
});

describe("numbers", () => {
  it.each([
    ["1.234,56", ".", "1234.56"],
    ["1 234,56", ".", "1234.56"],
    ["1,234.56", ",", "1234.56"],
    ["1234,5", ".", "1234.5"],
    ["1,234", ".", "1234"],
    ["1,234", ",", "1.234"],
    ["-12.5", ".", "-12.5"],
    ["$1,200", ".", "1200"],
    ["10 €", ",", "10"],
  ] as const)("normalises %s (column decimal %s) to %s", (raw, decimal, expected) => {
    expect(normalizeNumber(raw, decimal)).toBe(expected);
  });

  it("refuses what is not a number", () => {
    expect(normalizeNumber("12 apples", ".")).toBeUndefined();
    expect(normalizeNumber("1,23,4", ".")).toBeUndefined();
  });

  it("decides a column's decimal separator from its values", () => {
    expect(analyseDecimalSeparator(["1,5", "2,25", "1.000"])).toBe(",");
    expect(analyseDecimalSeparator(["1.5", "2,000"])).toBe(".");
  });

  it("round-trips any decimal written the German way", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10_000_000, max: 10_000_000 }),
        fc.integer({ min: 0, max: 99 }),
        (whole, cents) => {
          const grouped = Math.abs(whole).toLocaleString("en-US").replaceAll(",", ".");
          const raw = `${whole < 0 ? "-" : ""}${grouped},${String(cents).padStart(2, "0")}`;
          const expected = `${whole < 0 ? "-" : ""}${Math.abs(whole)}.${String(cents).padStart(2, "0")}`;
          return normalizeNumber(raw, ",") === expected;
        },
      ),
    );
  });
});

describe("booleans, enumerations and associations", () => {
  it("reads yes/no words in several languages", () => {
    for (const yes of ["yes", "TRUE", "1", "y", "はい", "on", "Ja", "oui"])
      expect(normalizeBoolean(yes)).toBe("true");
    for (const no of ["no", "False", "0", "N", "いいえ", "off", "nein", "non"])
      expect(normalizeBoolean(no)).toBe("false");
    expect(normalizeBoolean("maybe")).toBeUndefined();
  });

  it("matches options by value or label, any case", () => {
    expect(coerceAll("hs_currency", ["USD", "eur", "Japanese yen", "GBP"]).values).toEqual([
      "USD",
      "EUR",
      "JPY",
      "GBP",
    ]);
    expect(coerceAll("hs_status", ["approval not needed"]).values).toEqual(["APPROVAL_NOT_NEEDED"]);
  });

  it("splits multiple checkboxes on ; , or |", () => {
    const { values, stats } = coerceAll("hs_payment_types", [
      "card;ach",
      "Credit card, Wire transfer",
      "ACH|card",
      "cash",
    ]);
    expect(values).toEqual(["card;ach", "card;wire", "ach;card", "cash"]);
    expect(stats).toMatchObject({ unchanged: 1, coerced: 2, invalid: 1 });
  });

  it("joins association ids with ; and keeps names it cannot resolve", () => {
    expect(coerceAll("assoc:contacts:HUBSPOT_DEFINED:69", ["101, 102", "103", "Ann Smith"]).values).toEqual([
      "101;102",
      "103",
      "Ann Smith",
    ]);
  });

  it("keeps separators-only values rather than emptying them", () => {
    expect(coerceAll("assoc:deals:HUBSPOT_DEFINED:64", [";"]).values).toEqual([";"]);
    expect(coerceAll("hs_payment_types", [" | "]).values).toEqual([" | "]);
  });

  it("never drops a value: every input comes out as something", () => {
    fc.assert(
      fc.property(fc.constantFrom(...targets.map((t) => t.key)), fc.string(), (key, raw) => {
        const { values, stats } = coerceAll(key, [raw]);
        const counted = stats.coerced + stats.unchanged + stats.empty + stats.invalid;
        return values.length === 1 && counted === 1 && (raw.trim() === "" || values[0] !== "");
      }),
      { numRuns: 2000 },
    );
  });
});
