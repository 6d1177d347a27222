/**
 * The one thing the journal, the history and the shared rate limiter need from a database: parameterised
 * SQL and transactions. Two drivers implement it — PGlite (embedded, file-backed) and `pg` (PostgreSQL) —
 * so every query is written once, in PostgreSQL's dialect, and runs on both.
 */
export interface Queryable {
  /** Rows come back as `unknown`: every caller parses them with a zod schema. */
  query(sql: string, params?: readonly unknown[]): Promise<{ rows: unknown[] }>;
}

export interface Database extends Queryable {
  readonly kind: "embedded" | "postgres";
  /** Runs `work` in one transaction on one connection; rolls back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
