import { z } from "zod";
import type { SubmissionEnvironment } from "../../domain/submission/types.ts";
import type { SubmissionMeta } from "./submissions.ts";

export const Person = z.object({ id: z.string(), name: z.string().optional() });
export type Person = z.infer<typeof Person>;

/** A submission's environment, as the domain declares it (the server sends the same shape). */
export { SubmissionEnvironment } from "../../domain/submission/types.ts";

export interface HistoryFilter {
  /** One person's submissions (their id, an e-mail address). */
  user?: string;
  /** ms since epoch: createdAt ≥ from, < to. */
  from?: number;
  to?: number;
  /** Submissions with at least one row of any of these outcomes. */
  outcomes?: readonly string[];
}

export interface HistoryEntry {
  id: string;
  createdAt: number;
  /** When the first request left (a submission can wait for the rate limit before that). */
  startedAt?: number;
  finishedAt?: number;
  status: string;
  /** Where it went; a string is a label an older version stored in this browser. */
  environment: SubmissionEnvironment | string;
  counts: Record<string, number>;
  total: number;
  /** Who sent it; unknown for this browser's copy (it is this browser's). */
  owner?: Person;
}

export interface HistoryList {
  items: HistoryEntry[];
  /** How many match in all (the list holds the newest 200). */
  matched: number;
  /** Everyone who has sent a submission, for the "Sent by" filter. */
  people: Person[];
  /** `browser` when the server could not be reached: this browser's own copy, filtered here. */
  source: "team" | "browser";
}

/** This browser's copy, filtered as the server would (there is no one else's to filter by person). */
export function filterBrowserHistory(
  items: readonly SubmissionMeta[],
  filter: HistoryFilter,
): HistoryEntry[] {
  return items.filter(
    (item) =>
      (filter.from === undefined || item.createdAt >= filter.from) &&
      (filter.to === undefined || item.createdAt < filter.to) &&
      (!filter.outcomes?.length || filter.outcomes.some((outcome) => (item.counts[outcome] ?? 0) > 0)),
  );
}
