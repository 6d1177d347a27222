import { z } from "zod";
import type { HistoryFilter } from "../../lib/storage/history-list.ts";

/** What History's filter bar offers; "not sent" covers rows canceled before sending too. */
export const OUTCOME_CHOICES = ["created", "failed", "unknown", "not-sent"] as const;
export type OutcomeChoice = (typeof OUTCOME_CHOICES)[number];

export interface HistoryFilterState {
  /** A person's id (e-mail address), or "" for everyone. */
  sentBy: string;
  /** Local calendar dates, `YYYY-MM-DD`, or "". Both ends are included. */
  from: string;
  to: string;
  outcome: OutcomeChoice | "";
}

export const NO_FILTER: HistoryFilterState = { sentBy: "", from: "", to: "", outcome: "" };

const LocalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const ORDER = ["sentBy", "from", "to", "outcome"] as const;

/** `?sentBy=…&from=…&to=…&outcome=…`: a value that does not parse is dropped, not an error (a hand-edited URL). */
export function readHistoryFilter(search: string): HistoryFilterState {
  const params = new URLSearchParams(search);
  const pick = <T extends z.ZodType<string>>(name: string, schema: T): z.infer<T> | "" => {
    const parsed = schema.safeParse(params.get(name) ?? "");
    return parsed.success ? parsed.data : "";
  };
  return {
    sentBy: pick("sentBy", z.string().max(320)),
    from: pick("from", LocalDate),
    to: pick("to", LocalDate),
    outcome: pick("outcome", z.enum(OUTCOME_CHOICES)),
  };
}

/** The page's query string with the filter in it (other parameters kept), e.g. for `history.replaceState`. */
export function writeHistoryFilter(search: string, state: HistoryFilterState): string {
  const params = new URLSearchParams(search);
  for (const name of ORDER) {
    if (state[name]) params.set(name, state[name]);
    else params.delete(name);
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

export function isFiltered(state: HistoryFilterState): boolean {
  return ORDER.some((name) => state[name] !== "");
}

/** Local midnight of a `YYYY-MM-DD` date, `days` later. */
function localMidnight(date: string, days = 0): number {
  const [year = 0, month = 1, day = 1] = date.split("-").map(Number);
  return new Date(year, month - 1, day + days).getTime();
}

/** What the server is asked: dates as instants (the whole of the "to" day included). */
export function historyQuery(state: HistoryFilterState): HistoryFilter {
  return {
    ...(state.sentBy ? { user: state.sentBy } : {}),
    ...(state.from ? { from: localMidnight(state.from) } : {}),
    ...(state.to ? { to: localMidnight(state.to, 1) } : {}),
    ...(state.outcome === "not-sent"
      ? { outcomes: ["not-sent", "canceled"] }
      : state.outcome
        ? { outcomes: [state.outcome] }
        : {}),
  };
}
