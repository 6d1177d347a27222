import pg from "pg";
import type { Database } from "./database.ts";
import { migrate } from "./migrations.ts";
import { openPostgres } from "./pg-database.ts";
import { openPglite } from "./pglite-database.ts";

export interface DatabaseUnderTest {
  name: "embedded" | "postgres";
  /** A fresh, migrated database; `close` also drops what the test made. */
  open: () => Promise<Database>;
  /**
   * Two connections to one fresh database, as two replicas have (embedded: the same one twice — a PGlite
   * directory has one process). Close the second, then the first.
   */
  openPair: () => Promise<[Database, Database]>;
}

/**
 * The drivers the database tests run on: always the embedded one (in memory), and PostgreSQL when
 * `TEST_DATABASE_URL` is set (CI installs one). Each PostgreSQL database is a schema of its own, dropped at
 * close, so test files can run side by side on one server.
 */
export function databasesUnderTest(): DatabaseUnderTest[] {
  const list: DatabaseUnderTest[] = [
    {
      name: "embedded",
      open: () => openMigrated(openPglite(undefined)),
      openPair: async () => {
        const db = await openMigrated(openPglite(undefined));
        return [db, { ...db, close: async () => undefined }];
      },
    },
  ];
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    list.push({
      name: "postgres",
      open: async () => (await openTestSchema(url)).db,
      openPair: async () => {
        const { db, schema } = await openTestSchema(url);
        return [db, await openPostgres(url, { searchPath: schema })];
      },
    });
  }
  return list;
}

async function openMigrated(opening: Promise<Database>): Promise<Database> {
  const db = await opening;
  await migrate(db);
  return db;
}

async function openTestSchema(url: string): Promise<{ db: Database; schema: string }> {
  const schema = `qbc_test_${crypto.randomUUID().replaceAll("-", "").slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const db = await openMigrated(openPostgres(url, { searchPath: schema }));
  return {
    schema,
    db: {
      ...db,
      close: async () => {
        await db.query(`drop schema ${schema} cascade`);
        await db.close();
      },
    },
  };
}
