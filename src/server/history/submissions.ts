import { z } from "zod";
import type { Queryable } from "../db/database.ts";
import type { SignedInUser } from "../identity.ts";
import {
  countOutcomes,
  type SubmissionListItem,
  SubmissionListRow,
  type SubmissionStateEnvelope,
} from "./submission-record.ts";

export interface SubmissionFilter {
  ownerId?: string;
  /** ms since epoch, inclusive / exclusive, on `createdAt`. */
  from?: number;
  to?: number;
  /** Only submissions with at least one row of this outcome. */
  outcome?: string;
  limit?: number;
}

export type SaveResult = "saved" | "not-owner";

const LIST_COLUMNS = "id, owner_id, owner_name, created_at, finished_at, status, environment, total, counts";
const Owner = z.object({ owner_id: z.string() });
const StateRow = z.object({ owner_id: z.string(), state: z.unknown() });

/** The team's submissions, server-side: History for every browser, and the state a reconcile starts from. */
export class Submissions {
  constructor(private readonly db: Queryable) {}

  /**
   * Creates or replaces a submission. Its first writer owns it; afterwards only the owner or an admin
   * (reconciling from another browser) may write it.
   */
  async save(
    user: SignedInUser,
    state: SubmissionStateEnvelope,
    admin: boolean,
    now = Date.now(),
  ): Promise<SaveResult> {
    const { rows } = await this.db.query("select owner_id from submissions where id = $1", [state.id]);
    const existing = rows[0] === undefined ? undefined : Owner.parse(rows[0]).owner_id;
    if (existing !== undefined && existing !== user.id && !admin) return "not-owner";
    const counts = countOutcomes(state);
    await this.db.query(
      `insert into submissions (id, owner_id, owner_name, created_at, finished_at, updated_at, status, environment, total, counts, outcomes, state)
       values ($1, $2, $3, to_timestamp($4 / 1000.0), to_timestamp($5 / 1000.0), to_timestamp($6 / 1000.0), $7, $8::jsonb, $9, $10::jsonb, $11::jsonb, $12::jsonb)
       on conflict (id) do update set finished_at = excluded.finished_at, updated_at = excluded.updated_at,
         status = excluded.status, environment = excluded.environment, total = excluded.total,
         counts = excluded.counts, outcomes = excluded.outcomes, state = excluded.state`,
      [
        state.id,
        user.id,
        user.name ?? null,
        state.createdAt,
        state.finishedAt ?? null,
        now,
        state.status,
        JSON.stringify(state.environment),
        state.rows.length,
        JSON.stringify(counts),
        JSON.stringify(Object.keys(counts)),
        JSON.stringify(state),
      ],
    );
    return "saved";
  }

  async list(filter: SubmissionFilter = {}): Promise<SubmissionListItem[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (clause: (n: number) => string, value: unknown) => {
      params.push(value);
      where.push(clause(params.length));
    };
    if (filter.ownerId !== undefined) add((n) => `owner_id = $${n}`, filter.ownerId);
    if (filter.from !== undefined) add((n) => `created_at >= to_timestamp($${n} / 1000.0)`, filter.from);
    if (filter.to !== undefined) add((n) => `created_at < to_timestamp($${n} / 1000.0)`, filter.to);
    if (filter.outcome !== undefined) add((n) => `outcomes ? $${n}`, filter.outcome);
    params.push(Math.min(filter.limit ?? 200, 1000));
    const { rows } = await this.db.query(
      `select ${LIST_COLUMNS} from submissions ${where.length ? `where ${where.join(" and ")}` : ""}
       order by created_at desc, id limit $${params.length}`,
      params,
    );
    return rows.map((row) => SubmissionListRow.parse(row));
  }

  /** The state as last written, and whose it is; `undefined` when there is no such submission. */
  async load(id: string): Promise<{ ownerId: string; state: unknown } | undefined> {
    const { rows } = await this.db.query("select owner_id, state from submissions where id = $1", [id]);
    if (rows[0] === undefined) return undefined;
    const row = StateRow.parse(rows[0]);
    return { ownerId: row.owner_id, state: row.state };
  }
}
