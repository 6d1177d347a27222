import type { UseStore } from "idb-keyval";
import { z } from "zod";
import { SubmissionState } from "../../domain/submission/types.ts";
import { requestJson } from "../api/client.ts";
import { type SubmissionMeta, SubmissionStorage } from "./submissions.ts";

/** One submission as the server's History lists it (`GET /api/submissions`). */
export const TeamSubmission = z.object({
  id: z.string(),
  owner: z.object({ id: z.string(), name: z.string().optional() }),
  createdAt: z.number(),
  finishedAt: z.number().optional(),
  status: z.string(),
  environment: z.object({
    kind: z.enum(["simulator", "hubspot"]),
    portalId: z.number().optional(),
    sandbox: z.boolean().optional(),
  }),
  total: z.number(),
  counts: z.record(z.string(), z.number()),
});
export type TeamSubmission = z.infer<typeof TeamSubmission>;
const TeamList = z.object({ submissions: z.array(TeamSubmission) });
const TeamState = z.object({ state: SubmissionState });

export interface HistoryFilter {
  /** An admin's choice of person (their id, an e-mail address). */
  user?: string;
  /** ms since epoch: createdAt ≥ from, < to. */
  from?: number;
  to?: number;
  outcome?: string;
}

export type HistoryItem = SubmissionMeta & { owner?: { id: string; name?: string } };

export function environmentLabel(environment: TeamSubmission["environment"]): string {
  return environment.kind === "simulator"
    ? "Simulator"
    : `HubSpot portal ${environment.portalId ?? "?"}${environment.sandbox ? " (sandbox)" : ""}`;
}

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
   * History: the team's list (what the signed-in person may see: their own; an admin's: everyone's), or this
   * browser's when the server cannot be reached. (`list()` stays this browser's: it is what a reload resumes.)
   */
  async listTeam(filter: HistoryFilter = {}): Promise<{ items: HistoryItem[]; source: "team" | "browser" }> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(filter))
      if (value !== undefined && value !== "") params.set(key, String(value));
    try {
      const { submissions } = await requestJson(`/api/submissions?${params}`, TeamList);
      const items = submissions.map((item) => ({
        id: item.id,
        createdAt: item.createdAt,
        ...(item.finishedAt === undefined ? {} : { finishedAt: item.finishedAt }),
        status: item.status,
        environment: environmentLabel(item.environment),
        counts: item.counts,
        total: item.total,
        owner: item.owner,
      }));
      return { items, source: "team" };
    } catch {
      return { items: await super.list(), source: "browser" };
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
