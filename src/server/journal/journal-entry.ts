import { z } from "zod";
import { JournalAnswer } from "./answer.ts";
import { WriteAction } from "./write-route.ts";

/**
 * `sent`: forwarded, no answer yet (or the process died before it came: see `markInterrupted`).
 * `answered`: HubSpot answered (any status). `not-sent`: the proxy knows nothing left for HubSpot.
 * `unknown`: sent, outcome unknown — a timeout, a dropped connection, or a proxy killed mid-request.
 * `reconciled`: was unknown; a reconcile found out what became of every row it carried (see its note).
 */
export const JournalState = z.enum(["sent", "answered", "not-sent", "unknown", "reconciled"]);
export type JournalState = z.infer<typeof JournalState>;

export const JournalEntry = z.object({
  id: z.string(),
  sentAt: z.number(),
  user: z.object({ id: z.string(), name: z.string().optional() }),
  submissionId: z.string().optional(),
  requestId: z.string().optional(),
  method: z.string(),
  path: z.string(),
  objectType: z.string(),
  action: WriteAction,
  traceIds: z.array(z.string()),
  inputCount: z.number().int(),
  state: JournalState,
  answeredAt: z.number().optional(),
  answer: JournalAnswer.optional(),
  note: z.string().optional(),
});
export type JournalEntry = z.infer<typeof JournalEntry>;

const optional = <T extends z.ZodType>(schema: T) => schema.nullish().transform((v) => v ?? undefined);
const time = z.coerce.date().transform((date) => date.getTime());

/** A `journal_entries` row as both drivers return it (timestamptz → Date, jsonb → parsed). */
export const JournalRow = z
  .object({
    id: z.string(),
    sent_at: time,
    user_id: z.string(),
    user_name: optional(z.string()),
    submission_id: optional(z.string()),
    request_id: optional(z.string()),
    method: z.string(),
    path: z.string(),
    object_type: z.string(),
    action: WriteAction,
    trace_ids: z.array(z.string()),
    input_count: z.number().int(),
    state: JournalState,
    answered_at: optional(time),
    status: optional(z.number().int()),
    created: optional(JournalAnswer.shape.created),
    errors: optional(JournalAnswer.shape.errors),
    correlation_id: optional(z.string()),
    note: optional(z.string()),
  })
  .transform(
    (row): JournalEntry => ({
      id: row.id,
      sentAt: row.sent_at,
      user: row.user_name === undefined ? { id: row.user_id } : { id: row.user_id, name: row.user_name },
      ...(row.submission_id === undefined ? {} : { submissionId: row.submission_id }),
      ...(row.request_id === undefined ? {} : { requestId: row.request_id }),
      method: row.method,
      path: row.path,
      objectType: row.object_type,
      action: row.action,
      traceIds: row.trace_ids,
      inputCount: row.input_count,
      state: row.state,
      ...(row.answered_at === undefined ? {} : { answeredAt: row.answered_at }),
      ...(row.status === undefined
        ? {}
        : {
            answer: {
              status: row.status,
              created: row.created ?? [],
              errors: row.errors ?? [],
              ...(row.correlation_id === undefined ? {} : { correlationId: row.correlation_id }),
            },
          }),
      ...(row.note === undefined ? {} : { note: row.note }),
    }),
  );
