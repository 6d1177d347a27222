import type { HistoryList } from "../../lib/storage/history-list.ts";

/**
 * How often the team's History asks the server again while it is on screen, so a teammate's new submission
 * appears and a running one's counts move without a reload. Polling, not server-sent events: decision 036.
 */
export const HISTORY_POLL_MS = 5_000;
/** While a listed submission runs, its counts change every second or so: follow them closer. */
export const HISTORY_POLL_RUNNING_MS = 2_000;

/**
 * React Query's `refetchInterval` for the History list: only while its tab is the one shown (React Query also
 * pauses intervals while the page is hidden), never for this browser's own copy (the server was unreachable;
 * it changes only with this browser's runs, which tell History themselves).
 */
export function historyPollMs(data: HistoryList | undefined, active: boolean): number | false {
  if (!active || data?.source === "browser") return false;
  return data?.items.some((item) => item.status === "running") ? HISTORY_POLL_RUNNING_MS : HISTORY_POLL_MS;
}
