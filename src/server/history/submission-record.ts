import { z } from "zod";

/**
 * What the server reads of a submission the browser writes: enough to file and filter it (owner, dates,
 * status, per-row outcomes). The rest of the state is kept as written and handed back on load, where the
 * browser parses it with the domain's schema. Loose on purpose: the browser's state gains fields over time.
 */
export const SubmissionStateEnvelope = z.looseObject({
  id: z.string().min(1).max(200),
  createdAt: z.number(),
  finishedAt: z.number().optional(),
  status: z.string().min(1).max(40),
  environment: z.looseObject({
    kind: z.enum(["simulator", "hubspot"]),
    portalId: z.number().optional(),
    sandbox: z.boolean().optional(),
  }),
  rows: z.array(z.looseObject({ rowId: z.string(), outcome: z.string().max(40) })),
});
export type SubmissionStateEnvelope = z.infer<typeof SubmissionStateEnvelope>;

export const SubmissionListItem = z.object({
  id: z.string(),
  owner: z.object({ id: z.string(), name: z.string().optional() }),
  createdAt: z.number(),
  finishedAt: z.number().optional(),
  status: z.string(),
  environment: SubmissionStateEnvelope.shape.environment,
  total: z.number().int(),
  counts: z.record(z.string(), z.number()),
});
export type SubmissionListItem = z.infer<typeof SubmissionListItem>;

const optional = <T extends z.ZodType>(schema: T) => schema.nullish().transform((v) => v ?? undefined);
const time = z.coerce.date().transform((date) => date.getTime());

export const SubmissionListRow = z
  .object({
    id: z.string(),
    owner_id: z.string(),
    owner_name: optional(z.string()),
    created_at: time,
    finished_at: optional(time),
    status: z.string(),
    environment: SubmissionStateEnvelope.shape.environment,
    total: z.number().int(),
    counts: z.record(z.string(), z.number()),
  })
  .transform(
    (row): SubmissionListItem => ({
      id: row.id,
      owner: row.owner_name === undefined ? { id: row.owner_id } : { id: row.owner_id, name: row.owner_name },
      createdAt: row.created_at,
      ...(row.finished_at === undefined ? {} : { finishedAt: row.finished_at }),
      status: row.status,
      environment: row.environment,
      total: row.total,
      counts: row.counts,
    }),
  );

/** Row outcomes counted, as History shows them. */
export function countOutcomes(state: SubmissionStateEnvelope): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const row of state.rows) counts[row.outcome] = (counts[row.outcome] ?? 0) + 1;
  return counts;
}
