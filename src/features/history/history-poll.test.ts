import { describe, expect, it } from "vitest";
import type { HistoryList } from "../../lib/storage/history-list.ts";
import { HISTORY_POLL_MS, HISTORY_POLL_RUNNING_MS, historyPollMs } from "./history-poll.ts";

const list = (statuses: string[], source: HistoryList["source"] = "team"): HistoryList => ({
  items: statuses.map((status, i) => ({
    id: `s${i}`,
    createdAt: i,
    status,
    environment: { kind: "simulator" },
    total: 1,
    counts: {},
  })),
  matched: statuses.length,
  people: [],
  source,
});

describe("historyPollMs", () => {
  it("polls the team's list while History is shown, faster while a submission runs", () => {
    expect(historyPollMs(undefined, true)).toBe(HISTORY_POLL_MS);
    expect(historyPollMs(list(["done", "stopped"]), true)).toBe(HISTORY_POLL_MS);
    expect(historyPollMs(list(["done", "running"]), true)).toBe(HISTORY_POLL_RUNNING_MS);
  });

  it("does not poll from another tab, nor this browser's own copy", () => {
    expect(historyPollMs(list(["running"]), false)).toBe(false);
    expect(historyPollMs(list(["running"], "browser"), true)).toBe(false);
  });
});
