import pg from "pg";
import type { Database } from "./database.ts";

/**
 * PostgreSQL through `pg`'s pool, for `DATABASE_URL` (several replicas share it). `searchPath` puts every
 * table of this app in one schema (tests give each run its own).
 */
export async function openPostgres(url: string, options: { searchPath?: string } = {}): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    ...(options.searchPath ? { options: `-c search_path=${options.searchPath}` } : {}),
  });
  // A dropped idle connection must not crash the server; the pool replaces it on the next query.
  pool.on("error", () => undefined);
  // Fails now, with the server's start-up message, rather than on the first journalled request.
  await pool.query("select 1");
  return {
    kind: "postgres",
    query: async (sql, params) => ({ rows: (await pool.query(sql, params ? [...params] : [])).rows }),
    transaction: async (work) => {
      const client = await pool.connect();
      try {
        await client.query("begin");
        const result = await work({
          query: async (sql, params) => ({ rows: (await client.query(sql, params ? [...params] : [])).rows }),
        });
        await client.query("commit");
        return result;
      } catch (error) {
        await client.query("rollback").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
