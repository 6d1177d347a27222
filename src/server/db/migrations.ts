import { z } from "zod";
import type { Database } from "./database.ts";

/**
 * The schema, as an append-only list: a migration that shipped is never edited, a change is a new entry.
 * Applied at start, in one transaction under an advisory lock, so replicas starting together apply each
 * migration once and none serves a half-built schema.
 */
export const MIGRATIONS: readonly { version: number; name: string; statements: readonly string[] }[] = [
  {
    version: 1,
    name: "journal",
    statements: [
      `create table journal_entries (
        id text primary key,
        instance_id text not null,
        sent_at timestamptz not null,
        user_id text not null,
        user_name text,
        submission_id text,
        request_id text,
        method text not null,
        path text not null,
        object_type text not null,
        action text not null,
        trace_ids jsonb not null,
        input_count integer not null,
        state text not null,
        answered_at timestamptz,
        status integer,
        created jsonb,
        errors jsonb,
        correlation_id text,
        note text
      )`,
      "create index journal_entries_submission on journal_entries (submission_id)",
      "create index journal_entries_sent_at on journal_entries (sent_at)",
      "create index journal_entries_in_flight on journal_entries (state) where state = 'sent'",
    ],
  },
];

/** Arbitrary, fixed: the advisory lock every replica takes while it migrates. */
const MIGRATION_LOCK = 4_173_001;

const Applied = z.object({ version: z.number() });

export async function migrate(db: Database): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query("select pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    await tx.query(
      "create table if not exists schema_migrations (version integer primary key, name text not null, applied_at timestamptz not null default now())",
    );
    const { rows } = await tx.query("select version from schema_migrations");
    const done = new Set(rows.map((row) => Applied.parse(row).version));
    const applied: number[] = [];
    for (const migration of MIGRATIONS) {
      if (done.has(migration.version)) continue;
      // One statement per query: PGlite's parameterised protocol takes no more.
      for (const statement of migration.statements) await tx.query(statement);
      await tx.query("insert into schema_migrations (version, name) values ($1, $2)", [
        migration.version,
        migration.name,
      ]);
      applied.push(migration.version);
    }
    return applied;
  });
}
