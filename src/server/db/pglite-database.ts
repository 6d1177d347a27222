import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import type { Database, Queryable } from "./database.ts";
import { lockDirectory } from "./directory-lock.ts";

/**
 * The embedded default: PostgreSQL compiled to WASM, kept in `dataDir` (or in memory when `dataDir` is
 * undefined, for tests). One process owns the directory; PGlite runs one query at a time, which is plenty
 * for a journal written at HubSpot's pace (at most a few requests a second).
 */
export async function openPglite(dataDir: string | undefined): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const unlock = dataDir ? lockDirectory(`${dataDir}.lock`) : () => undefined;
  const db = dataDir ? new PGlite(dataDir) : new PGlite();
  try {
    await db.waitReady;
  } catch (error) {
    unlock();
    throw error;
  }
  const wrap = (q: Pick<PGlite, "query">): Queryable => ({
    query: async (sql, params) => ({ rows: (await q.query(sql, params ? [...params] : [])).rows }),
  });
  return {
    kind: "embedded",
    ...wrap(db),
    transaction: (work) => db.transaction((tx) => work(wrap(tx))),
    close: async () => {
      await db.close();
      unlock();
    },
  };
}
