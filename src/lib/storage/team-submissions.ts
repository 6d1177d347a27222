import type { UseStore } from "idb-keyval";
import { z } from "zod";
import { SubmissionState } from "../../domain/submission/types.ts";
import { ApiError } from "../api/api-error.ts";
import { requestJson } from "../api/client.ts";
import { type HistoryFilter, type HistoryList, Person, SubmissionEnvironment } from "./history-list.ts";
import { type SubmissionMeta, SubmissionStorage } from "./submissions.ts";

/** One submission as the server's History lists it (`GET /api/submissions`). */
export const TeamSubmission = z.object({
  id: z.string(),
  owner: Person,
  createdAt: z.number(),
  finishedAt: z.number().optional(),
  status: z.string(),
  environment: SubmissionEnvironment,
  total: z.number(),
  counts: z.record(z.string(), z.number()),
});
export type TeamSubmission = z.infer<typeof TeamSubmission>;
const TeamList = z.object({
  submissions: z.array(TeamSubmission),
  matched: z.number().int(),
  people: z.array(Person),
});
const TeamState = z.object({ state: SubmissionState });

/**
 * History is the team's: every save also goes to the server (`PUT /api/submissions/:id`), and History lists
 * and re-opens submissions from there, so it survives this browser's storage being cleared and a reconcile
 * can start from any browser. IndexedDB stays as this browser's copy: the run keeps being recorded while the
 * server is unreachable, and the next save catches the server up.
 */
export class TeamSubmissionStorage extends SubmissionStorage {
  constructor(store?: UseStore) {
    super(store);
  }

  override async save(state: SubmissionState, meta: SubmissionMeta): Promise<void> {
    await super.save(state, meta);
    await requestJson(`/api/submissions/${encodeURIComponent(state.id)}`, z.unknown(), {
      method: "PUT",
      body: { state },
    }).catch(() => undefined);
  }

  /**
   * History: the team's list (everyone's; decision 062), or this browser's own copy when the server cannot
   * be reached. (`list()` stays this browser's: it is what a reload resumes.)
   */
  override async listHistory(filter: HistoryFilter = {}): Promise<HistoryList> {
    const params = new URLSearchParams();
    if (filter.user) params.set("user", filter.user);
    if (filter.from !== undefined) params.set("from", String(filter.from));
    if (filter.to !== undefined) params.set("to", String(filter.to));
    if (filter.outcomes?.length) params.set("outcome", filter.outcomes.join(","));
    try {
      const page = await requestJson(`/api/submissions?${params}`, TeamList);
      return { items: page.submissions, matched: page.matched, people: page.people, source: "team" };
    } catch (error) {
      // Only an unreachable server falls back: a refusal (signed out, no role) is an answer to show.
      if (!(error instanceof ApiError) || error.kind !== "network") throw error;
      return super.listHistory(filter);
    }
  }

  /** This browser's copy when it has one, else the team's (opened from History in another browser). */
  override async load(id: string): Promise<SubmissionState | undefined> {
    const local = await super.load(id).catch(() => undefined);
    if (local) return local;
    try {
      return (await requestJson(`/api/submissions/${encodeURIComponent(id)}`, TeamState)).state;
    } catch {
      return undefined;
    }
  }
}
