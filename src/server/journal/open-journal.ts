import type { Database } from "../db/database.ts";
import { Journal } from "./journal.ts";

export interface OpenedJournal {
  journal: Journal;
  /** Entries of an earlier process that were in flight when it stopped, now "sent, outcome unknown". */
  interrupted: number;
  stop: () => void;
}

/** How often a PostgreSQL replica looks for entries a dead replica left in flight. */
const SWEEP_EVERY_MS = 60_000;

/**
 * The journal for this process. Embedded: no other process can have been writing, so at start every entry
 * still `sent` was interrupted. PostgreSQL: other replicas may be mid-request, so only entries older than
 * the longest a request can take (`maxRequestMs`) are, at start and then every minute.
 */
export async function openJournal(db: Database, maxRequestMs: number): Promise<OpenedJournal> {
  const journal = new Journal(db, crypto.randomUUID());
  const cutoff = () => (db.kind === "embedded" ? Date.now() : Date.now() - maxRequestMs);
  const interrupted = await journal.markInterrupted(cutoff());
  if (db.kind === "embedded") return { journal, interrupted, stop: () => undefined };
  const timer = setInterval(
    () => void journal.markInterrupted(cutoff()).catch(() => undefined),
    SWEEP_EVERY_MS,
  );
  timer.unref();
  return { journal, interrupted, stop: () => clearInterval(timer) };
}
