import type { Database } from "../db/database.ts";
import { Journal } from "./journal.ts";
import { SentLog } from "./sent-log.ts";

export interface OpenedJournal {
  journal: Journal;
  /** Entries of an earlier process that were in flight when it stopped, now "sent, outcome unknown". */
  interrupted: number;
  /** Stops the sweep for interrupted entries (PostgreSQL). */
  stop: () => void;
  /** Closes the sent log, once the journal has settled. */
  close: () => void;
}

export interface JournalPlace {
  /** The longest a request can be in flight: older `sent` entries of another replica were interrupted. */
  maxRequestMs: number;
  /** The embedded database's sent log (decision 073); PostgreSQL, shared by replicas, takes the row itself. */
  sentLogPath?: string;
  log?: (line: string) => void;
}

/** How often a PostgreSQL replica looks for entries a dead replica left in flight. */
const SWEEP_EVERY_MS = 60_000;

/**
 * The journal for this process. Embedded: no other process can have been writing, so at start every entry
 * still `sent` was interrupted. PostgreSQL: other replicas may be mid-request, so only entries older than
 * the longest a request can take (`maxRequestMs`) are, at start and then every minute.
 */
export async function openJournal(db: Database, place: JournalPlace): Promise<OpenedJournal> {
  const { maxRequestMs, log } = place;
  const sentLog = db.kind === "embedded" && place.sentLogPath ? SentLog.open(place.sentLogPath) : undefined;
  if (sentLog?.unreadable)
    log?.(
      `The journal's sent log had ${sentLog.unreadable} line(s) cut short (a crash mid-write); their requests had not been sent.`,
    );
  const journal = new Journal(db, crypto.randomUUID(), {
    ...(sentLog ? { sentLog } : {}),
    ...(log ? { log } : {}),
  });
  const close = () => sentLog?.close();
  // Rows of requests that left while their row was on its way to the database come back first, still `sent`.
  await journal.restoreSentLog();
  const cutoff = () => (db.kind === "embedded" ? Date.now() : Date.now() - maxRequestMs);
  const interrupted = await journal.markInterrupted(cutoff());
  if (db.kind === "embedded") return { journal, interrupted, stop: () => undefined, close };
  const timer = setInterval(
    () => void journal.markInterrupted(cutoff()).catch(() => undefined),
    SWEEP_EVERY_MS,
  );
  timer.unref();
  return { journal, interrupted, stop: () => clearInterval(timer), close };
}
