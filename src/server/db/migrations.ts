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
  {
    version: 2,
    name: "shared rate limit",
    statements: [
      // One row per request counted against a token's window: in flight (until a lease runs out) or answered
      // (until its answer is a window old). `bucket` is a hash of the token and the kind, never the token.
      `create table rate_slots (
        id bigserial primary key,
        bucket text not null,
        counted_until timestamptz not null
      )`,
      "create index rate_slots_bucket on rate_slots (bucket, counted_until)",
      // Takes up to `p_wanted` slots, or says how long until the earliest one frees, in one round trip. The
      // advisory lock serialises replicas per bucket; the database's clock is the one all of them share.
      `create function qbc_take_rate_slots(p_bucket text, p_limit integer, p_lease_ms integer, p_wanted integer)
       returns table (slot_id bigint, wait_ms double precision)
       language plpgsql as $$
       declare
         v_now timestamptz;
         v_count integer;
         v_next timestamptz;
       begin
         perform pg_advisory_xact_lock(hashtext(p_bucket));
         v_now := clock_timestamp();
         delete from rate_slots where bucket = p_bucket and counted_until <= v_now;
         select count(*), min(counted_until) into v_count, v_next from rate_slots where bucket = p_bucket;
         if v_count < p_limit then
           return query insert into rate_slots (bucket, counted_until)
             select p_bucket, v_now + p_lease_ms * interval '1 millisecond'
             from generate_series(1, least(p_limit - v_count, p_wanted))
             returning id, 0::double precision;
         else
           return query select null::bigint, (extract(epoch from (v_next - v_now)) * 1000)::double precision;
         end if;
       end $$`,
    ],
  },
  {
    version: 3,
    name: "team history",
    statements: [
      // The team's submissions: the browser's state as it last wrote it, with what History filters on.
      `create table submissions (
        id text primary key,
        owner_id text not null,
        owner_name text,
        created_at timestamptz not null,
        finished_at timestamptz,
        updated_at timestamptz not null,
        status text not null,
        environment jsonb not null,
        total integer not null,
        counts jsonb not null,
        outcomes jsonb not null,
        state jsonb not null
      )`,
      "create index submissions_created_at on submissions (created_at desc)",
      "create index submissions_owner on submissions (owner_id, created_at desc)",
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
