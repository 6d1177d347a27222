import { z } from "zod";
import type { Queryable } from "../db/database.ts";
import type { SignedInUser } from "../identity.ts";
import {
  countOutcomes,
  type SubmissionListItem,
  SubmissionListRow,
  SubmissionStateEnvelope,
} from "./submission-record.ts";

export interface SubmissionFilter {
  ownerId?: string;
  /** ms since epoch, inclusive / exclusive, on `createdAt`. */
  from?: number;
  to?: number;
  /** Only submissions with at least one row of one of these outcomes. */
  outcomes?: readonly string[];
  limit?: number;
}

export type SaveResult = "saved" | "not-owner";

const LIST_COLUMNS = "id, owner_id, owner_name, created_at, finished_at, status, environment, total, counts";
const Owner = z.object({ owner_id: z.string() });
const Count = z.object({ matched: z.coerce.number().int() });
const Person = z.object({ owner_id: z.string(), owner_name: z.string().nullish() });

export interface Person {
  id: string;
  name?: string;
}
const StateRow = z.object({ owner_id: z.string(), owner_name: z.string().nullish(), state: z.unknown() });

const IN_DOUBT = new Set(["unknown", "pending"]);

/**
 * A row whose outcome the server knows (a reconcile from another browser settled it) does not go back to
 * unknown because a browser with an older copy saves it again.
 */
function keepSettledRows(
  stored: SubmissionStateEnvelope,
  incoming: SubmissionStateEnvelope,
): SubmissionStateEnvelope {
  const known = new Map(
    stored.rows.filter((row) => !IN_DOUBT.has(row.outcome)).map((row) => [row.rowId, row]),
  );
  if (known.size === 0) return incoming;
  return {
    ...incoming,
    rows: incoming.rows.map((row) => (IN_DOUBT.has(row.outcome) ? (known.get(row.rowId) ?? row) : row)),
  };
}

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
    const { rows } = await this.db.query("select owner_id, state from submissions where id = $1", [state.id]);
    const existing = rows[0] === undefined ? undefined : Owner.parse(rows[0]).owner_id;
    if (existing !== undefined && existing !== user.id && !admin) return "not-owner";
    const stored = SubmissionStateEnvelope.safeParse(StateRow.partial().parse(rows[0] ?? {}).state);
    const merged = stored.success ? keepSettledRows(stored.data, state) : state;
    const counts = countOutcomes(merged);
    await this.db.query(
      `insert into submissions (id, owner_id, owner_name, created_at, finished_at, updated_at, status, environment, total, counts, outcomes, state)
       values ($1, $2, $3, to_timestamp($4 / 1000.0), to_timestamp($5 / 1000.0), to_timestamp($6 / 1000.0), $7, $8::jsonb, $9, $10::jsonb, $11::jsonb, $12::jsonb)
       on conflict (id) do update set finished_at = excluded.finished_at, updated_at = excluded.updated_at,
         status = excluded.status, environment = excluded.environment, total = excluded.total,
         counts = excluded.counts, outcomes = excluded.outcomes, state = excluded.state`,
      [
        merged.id,
        user.id,
        user.name ?? null,
        merged.createdAt,
        merged.finishedAt ?? null,
        now,
        merged.status,
        JSON.stringify(merged.environment),
        merged.rows.length,
        JSON.stringify(counts),
        JSON.stringify(Object.keys(counts)),
        JSON.stringify(merged),
      ],
    );
    return "saved";
  }

  /** The newest matches (at most `limit`, default 200) and how many match in all. */
  async list(filter: SubmissionFilter = {}): Promise<{ items: SubmissionListItem[]; matched: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (clause: (n: number) => string, value: unknown) => {
      params.push(value);
      where.push(clause(params.length));
    };
    if (filter.ownerId !== undefined) add((n) => `owner_id = $${n}`, filter.ownerId);
    if (filter.from !== undefined) add((n) => `created_at >= to_timestamp($${n} / 1000.0)`, filter.from);
    if (filter.to !== undefined) add((n) => `created_at < to_timestamp($${n} / 1000.0)`, filter.to);
    if (filter.outcomes?.length) add((n) => `outcomes ?| $${n}::text[]`, [...filter.outcomes]);
    const condition = where.length ? `where ${where.join(" and ")}` : "";
    const counted = await this.db.query(`select count(*) as matched from submissions ${condition}`, params);
    const { rows } = await this.db.query(
      `select ${LIST_COLUMNS} from submissions ${condition}
       order by created_at desc, id limit $${params.length + 1}`,
      [...params, Math.min(filter.limit ?? 200, 1000)],
    );
    return {
      items: rows.map((row) => SubmissionListRow.parse(row)),
      matched: Count.parse(counted.rows[0] ?? { matched: 0 }).matched,
    };
  }

  /** Everyone who has sent a submission, by name: what History's "Sent by" filter offers. */
  async people(): Promise<Person[]> {
    const { rows } = await this.db.query(
      "select owner_id, max(owner_name) as owner_name from submissions group by owner_id order by max(owner_name), owner_id",
    );
    return rows.map((row) => {
      const person = Person.parse(row);
      return person.owner_name ? { id: person.owner_id, name: person.owner_name } : { id: person.owner_id };
    });
  }

  /** The state as last written, and whose it is; `undefined` when there is no such submission. */
  async load(id: string): Promise<{ ownerId: string; owner: Person; state: unknown } | undefined> {
    const { rows } = await this.db.query(
      "select owner_id, owner_name, state from submissions where id = $1",
      [id],
    );
    if (rows[0] === undefined) return undefined;
    const row = StateRow.parse(rows[0]);
    const owner = row.owner_name ? { id: row.owner_id, name: row.owner_name } : { id: row.owner_id };
    return { ownerId: row.owner_id, owner, state: row.state };
  }
}
