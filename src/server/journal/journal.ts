import type { Queryable } from "../db/database.ts";
import type { SignedInUser } from "../identity.ts";
import type { JournalAnswer } from "./answer.ts";
import { DeferredWrites, type DeferredWritesOptions } from "./deferred-writes.ts";
import { type JournalEntry, JournalRow, type JournalState } from "./journal-entry.ts";
import type { SentLog, SentRow } from "./sent-log.ts";
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
  /**
   * With the embedded database: `sent` is appended here before the request leaves and its row is written
   * while the request is on its way (decision 073). Without it, the row is written before the request leaves.
   */
  sentLog?: SentLog;
  /** Where the deferred `sent` rows' retries are logged. */
  log?: (line: string) => void;
}

/**
 * How long a `sent` row waits before it is written while its request is out. HubSpot takes far longer to
 * answer a batch, so there the row is in the database while the request is on its way; an answer that comes
 * sooner (the simulator on loopback, ~1 ms) has the row written after the reply instead of behind it: written
 * at once, the cold insert (0.5–0.8 ms here) held up the answer it raced (bench/proxy.bench.ts).
 */
const SENT_ROW_DELAY_MS = 20;

const INSERT_SENT = `insert into journal_entries (id, instance_id, sent_at, user_id, user_name, submission_id, request_id, method, path, object_type, action, trace_ids, input_count, state)
   values ($1, $2, to_timestamp($3 / 1000.0), $4, $5, $6, $7, $8, $9, $10, $11, $12::jsonb, $13, 'sent')
   on conflict (id) do nothing`;

export class Journal {
  private readonly newId: () => string;
  private readonly deferred: DeferredWrites;
  private readonly sentLog: SentLog | undefined;
  private readonly log: (line: string) => void;
  /**
   * `sent` rows on their way to the database (sent-log mode): `now` writes the row without waiting longer;
   * an answer is recorded after its row.
   */
  private readonly storing = new Map<string, { now: () => void; stored: Promise<boolean> }>();
  /** A `sent` row given up at stop: its line must stay in the sent log for the next start. */
  private rowGivenUp = false;

  constructor(
    private readonly db: Queryable,
    readonly instanceId: string,
    options: JournalOptions = {},
  ) {
    this.newId = options.newId ?? (() => crypto.randomUUID());
    this.deferred = new DeferredWrites(options);
    this.sentLog = options.sentLog;
    this.log = options.log ?? (() => undefined);
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
    for (const pending of this.storing.values()) pending.now();
    this.deferred.stop();
  }

  /** Deferred writes not yet recorded. */
  get pendingWrites(): number {
    return this.deferred.pending;
  }

  /**
   * Records a write about to leave; when this resolves, the entry is durable (in the sent log or the
   * database) and the request may go. Rejects when it could not be recorded: then it must not go.
   */
  async recordSent(record: SentRecord, at = Date.now()): Promise<string> {
    const row: SentRow = {
      id: this.newId(),
      instanceId: this.instanceId,
      at,
      userId: record.user.id,
      userName: record.user.name ?? null,
      submissionId: record.submissionId ?? null,
      requestId: record.requestId ?? null,
      method: record.method,
      path: record.path,
      objectType: record.objectType,
      action: record.action,
      traceIds: [...record.traceIds],
      inputCount: record.inputCount,
    };
    if (!this.sentLog) {
      await this.insertSent(row);
      return row.id;
    }
    this.sentLog.append(row);
    let now: () => void = () => undefined;
    const due = new Promise<void>((resolve) => {
      now = resolve;
      // Unref'd: a process stopping meanwhile writes it at once (`stopDeferred`) or restores it next start.
      setTimeout(resolve, SENT_ROW_DELAY_MS).unref?.();
    });
    const stored = this.deferred.add(`${row.method} ${row.path}`, () => this.insertSent(row), this.log, {
      what: "the entry",
      after: due,
    });
    this.storing.set(row.id, { now, stored });
    void stored.then((recorded) => {
      this.storing.delete(row.id);
      if (!recorded) this.rowGivenUp = true;
      else if (this.storing.size === 0 && !this.rowGivenUp) this.sentLog?.allStored();
    });
    return row.id;
  }

  /**
   * At start: the rows an earlier process put in the sent log, written if they never reached the database
   * (each then still `sent`, for `markInterrupted`; a row already there is left as it is); the log then
   * starts over.
   */
  async restoreSentLog(): Promise<void> {
    if (!this.sentLog) return;
    for (const row of this.sentLog.left) await this.insertSent(row);
    this.sentLog.clear();
  }

  private async insertSent(row: SentRow): Promise<void> {
    await this.db.query(INSERT_SENT, [
      row.id,
      row.instanceId,
      row.at,
      row.userId,
      row.userName,
      row.submissionId,
      row.requestId,
      row.method,
      row.path,
      row.objectType,
      row.action,
      JSON.stringify(row.traceIds),
      row.inputCount,
    ]);
  }

  /** The entry's `sent` row, if it is still on its way: written now (an answer or a stop need it). */
  private async sentRowStored(id: string): Promise<void> {
    const pending = this.storing.get(id);
    if (!pending) return;
    pending.now();
    await pending.stored;
  }

  /** HubSpot answered (any status). */
  async recordAnswer(id: string, answer: JournalAnswer, at = Date.now()): Promise<void> {
    await this.sentRowStored(id);
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
    await this.sentRowStored(id);
    await this.db.query(
      "update journal_entries set state = $2, answered_at = to_timestamp($3 / 1000.0), note = $4 where id = $1",
      [id, state, at, note],
    );
  }

  /** Entries whose unknown outcome a reconcile settled: who did it and when, after the original note. */
  async markReconciled(ids: readonly string[], user: SignedInUser, at = Date.now()): Promise<void> {
    if (ids.length === 0) return;
    await this.db.query(
      `update journal_entries set state = 'reconciled',
         note = concat_ws(' ', note, $2::text)
       where id = any($1::text[]) and state = 'unknown'`,
      [[...ids], `Reconciled by ${user.id} at ${new Date(at).toISOString()}: every row's outcome is known.`],
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
