import { describe, expect, it } from "vitest";
import {
  historyQuery,
  isFiltered,
  NO_FILTER,
  readHistoryFilter,
  writeHistoryFilter,
} from "./history-filter.ts";

describe("History's filter in the URL", () => {
  it("round-trips through the query string and keeps other parameters", () => {
    const state = {
      sentBy: "ana@example.com",
      from: "2026-11-01",
      to: "2026-11-30",
      outcome: "unknown" as const,
    };
    const search = writeHistoryFilter("?lang=ja", state);
    expect(search).toBe("?lang=ja&sentBy=ana%40example.com&from=2026-11-01&to=2026-11-30&outcome=unknown");
    expect(readHistoryFilter(search)).toEqual(state);
    expect(writeHistoryFilter(search, NO_FILTER)).toBe("?lang=ja");
    expect(writeHistoryFilter("", NO_FILTER)).toBe("");
  });

  it("drops values that do not parse instead of failing", () => {
    expect(readHistoryFilter("?from=yesterday&outcome=everything&to=2026-12-01")).toEqual({
      ...NO_FILTER,
      to: "2026-12-01",
    });
    expect(isFiltered(readHistoryFilter("?from=yesterday"))).toBe(false);
    expect(isFiltered(readHistoryFilter("?outcome=failed"))).toBe(true);
  });

  it("asks the server for local days, the last one included, and 'not sent' with canceled rows", () => {
    expect(historyQuery({ sentBy: "", from: "2026-11-01", to: "2026-11-01", outcome: "not-sent" })).toEqual({
      from: new Date(2026, 10, 1).getTime(),
      to: new Date(2026, 10, 2).getTime(),
      outcomes: ["not-sent", "canceled"],
    });
    expect(historyQuery({ ...NO_FILTER, sentBy: "ben@example.com", outcome: "failed" })).toEqual({
      user: "ben@example.com",
      outcomes: ["failed"],
    });
    expect(historyQuery(NO_FILTER)).toEqual({});
  });
});
