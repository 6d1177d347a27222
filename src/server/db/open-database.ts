import { resolve } from "node:path";
import type { Database } from "./database.ts";
import { migrate } from "./migrations.ts";
import { openPostgres } from "./pg-database.ts";
import { openPglite } from "./pglite-database.ts";

export interface DatabaseConfig {
  /** PostgreSQL when set; otherwise the embedded database in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
}

/** Opens the configured database and brings its schema up to date. */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  const db = config.databaseUrl
    ? await openPostgres(config.databaseUrl)
    : await openPglite(resolve(config.dataDir, "journal"));
  try {
    await migrate(db);
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
  return db;
}
