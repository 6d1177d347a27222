import { z } from "zod";

/** What HubSpot answered, as the journal keeps it: enough to tell who got what without the full body. */
export const JournalAnswer = z.object({
  status: z.number().int(),
  /** Created or changed objects: HubSpot's id and, for creates, the trace id the browser sent. */
  created: z.array(z.object({ id: z.string(), traceId: z.string().optional() })),
  errors: z.array(
    z.object({ category: z.string(), message: z.string(), traceIds: z.array(z.string()).optional() }),
  ),
  correlationId: z.string().optional(),
});
export type JournalAnswer = z.infer<typeof JournalAnswer>;

const ErrorShape = z.looseObject({
  category: z.string().optional(),
  errorType: z.string().optional(),
  message: z.string().optional(),
  correlationId: z.string().optional(),
  context: z.record(z.string(), z.array(z.string())).optional(),
});
const Body = z.looseObject({
  results: z.array(z.looseObject({ id: z.string(), objectWriteTraceId: z.string().optional() })).optional(),
  errors: z.array(ErrorShape).optional(),
  category: z.string().optional(),
  errorType: z.string().optional(),
  message: z.string().optional(),
  correlationId: z.string().optional(),
});

const MAX_MESSAGE = 500;

/** Reads the parts of a batch answer (201/207) or an `Error` body (4xx/5xx/429) the journal keeps. */
export function summariseAnswer(status: number, headers: Headers, text: string): JournalAnswer {
  let json: unknown;
  try {
    json = text === "" ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  const body = Body.safeParse(json);
  const data = body.success ? body.data : undefined;
  const created = (data?.results ?? []).map((result) =>
    result.objectWriteTraceId === undefined
      ? { id: result.id }
      : { id: result.id, traceId: result.objectWriteTraceId },
  );
  const errors = (data?.errors ?? []).map((error) => {
    const traceIds = error.context?.objectWriteTraceId ?? error.context?.ids;
    return {
      category: error.category ?? error.errorType ?? "ERROR",
      message: (error.message ?? "").slice(0, MAX_MESSAGE),
      ...(traceIds ? { traceIds } : {}),
    };
  });
  if (status >= 400 && errors.length === 0) {
    errors.push({
      category: data?.category ?? data?.errorType ?? `HTTP_${status}`,
      message: (data?.message ?? text).slice(0, MAX_MESSAGE),
    });
  }
  const correlationId = data?.correlationId ?? headers.get("x-hubspot-correlation-id") ?? undefined;
  return { status, created, errors, ...(correlationId ? { correlationId } : {}) };
}
