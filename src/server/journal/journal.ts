import type { Queryable } from "../db/database.ts";
import type { SignedInUser } from "../identity.ts";
import type { JournalAnswer } from "./answer.ts";
import { DeferredWrites, type DeferredWritesOptions } from "./deferred-writes.ts";
import { type JournalEntry, JournalRow, type JournalState } from "./journal-entry.ts";
import type { WriteAction } from "./write-route.ts";

export interface SentRecord {
  user: SignedInUser;
  submissionId: string | undefined;
  requestId: string | undefined;
  method: string;
  path: string;
  objectType: string;
  action: WriteAction;
  traceIds: readonly string[];
  inputCount: number;
}

export interface JournalFilter {
  submissionId?: string;
  userId?: string;
  states?: readonly JournalState[];
  limit?: number;
}

const COLUMNS =
  "id, sent_at, user_id, user_name, submission_id, request_id, method, path, object_type, action, trace_ids, input_count, state, answered_at, status, created, errors, correlation_id, note";

/**
 * The server's record of every CRM write it forwarded: one row written before the request goes upstream
 * (`sent`) and completed when the answer is in, so a process killed in between leaves `sent` behind, which
 * `markInterrupted` turns into "sent, outcome unknown". `instanceId` names this process for that purpose.
 */
export interface JournalOptions extends DeferredWritesOptions {
  newId?: () => string;
}

export class Journal {
  private readonly newId: () => string;
  private readonly deferred: DeferredWrites;

  constructor(
    private readonly db: Queryable,
    readonly instanceId: string,
    options: JournalOptions = {},
  ) {
    this.newId = options.newId ?? (() => crypto.randomUUID());
    this.deferred = new DeferredWrites(options);
  }

  /** Records something after the reply went out, retried until it succeeds (see `DeferredWrites`). */
  later(label: string, write: (journal: Journal) => Promise<void>, log: (line: string) => void): void {
    this.deferred.add(label, () => write(this), log);
  }

  /** Every deferred write so far has been recorded (or given up at stop): for tests and shutdown. */
  settled(): Promise<void> {
    return this.deferred.settled();
  }

  /** Shutting down: the deferred writes get their current attempt, no retries. */
  stopDeferred(): void {
    this.deferred.stop();
  }

  /** Deferred writes not yet recorded. */
  get pendingWrites(): number {
    return this.deferred.pending;
  }

  async recordSent(record: SentRecord, at = Date.now()): Promise<string> {
    const id = this.newId();
    await this.db.query(
      `insert into journal_entries (id, instance_id, sent_at, user_id, user_name, submission_id, request_id, method, path, object_type, action, trace_ids, input_count, state)
       values ($1, $2, to_timestamp($3 / 1000.0), $4, $5, $6, $7, $8, $9, $10, $11, $12::jsonb, $13, 'sent')`,
      [
        id,
        this.instanceId,
        at,
        record.user.id,
        record.user.name ?? null,
        record.submissionId ?? null,
        record.requestId ?? null,
        record.method,
        record.path,
        record.objectType,
        record.action,
        JSON.stringify(record.traceIds),
        record.inputCount,
      ],
    );
    return id;
  }

  /** HubSpot answered (any status). */
  async recordAnswer(id: string, answer: JournalAnswer, at = Date.now()): Promise<void> {
    await this.db.query(
      `update journal_entries set state = 'answered', answered_at = to_timestamp($2 / 1000.0), status = $3,
         created = $4::jsonb, errors = $5::jsonb, correlation_id = $6
       where id = $1`,
      [
        id,
        at,
        answer.status,
        JSON.stringify(answer.created),
        JSON.stringify(answer.errors),
        answer.correlationId ?? null,
      ],
    );
  }

  /** No answer: `not-sent` when the proxy knows nothing reached HubSpot, else `unknown`. */
  async recordNoAnswer(
    id: string,
    state: "not-sent" | "unknown",
    note: string,
    at = Date.now(),
  ): Promise<void> {
    await this.db.query(
      "update journal_entries set state = $2, answered_at = to_timestamp($3 / 1000.0), note = $4 where id = $1",
      [id, state, at, note],
    );
  }

  /**
   * Entries still `sent` that no live process will complete become `unknown`: every one written by another
   * instance before `before` (ms since epoch). At start with the embedded database, that is every one (no
   * other process can hold its directory); with PostgreSQL, those older than the longest a request can take.
   */
  async markInterrupted(before: number): Promise<number> {
    const { rows } = await this.db.query(
      `update journal_entries set state = 'unknown',
         note = 'The server stopped while this request was on its way to HubSpot: it was sent, and its outcome is unknown.'
       where state = 'sent' and instance_id <> $1 and sent_at < to_timestamp($2 / 1000.0)
       returning id`,
      [this.instanceId, before],
    );
    return rows.length;
  }

  async list(filter: JournalFilter = {}): Promise<JournalEntry[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (clause: (n: number) => string, value: unknown) => {
      params.push(value);
      where.push(clause(params.length));
    };
    if (filter.submissionId !== undefined) add((n) => `submission_id = $${n}`, filter.submissionId);
    if (filter.userId !== undefined) add((n) => `user_id = $${n}`, filter.userId);
    if (filter.states?.length) add((n) => `state = any($${n}::text[])`, [...filter.states]);
    params.push(Math.min(filter.limit ?? 1000, 10_000));
    const { rows } = await this.db.query(
      `select ${COLUMNS} from journal_entries ${where.length ? `where ${where.join(" and ")}` : ""}
       order by sent_at desc, id limit $${params.length}`,
      params,
    );
    return rows.map((row) => JournalRow.parse(row));
  }
}
