import type { SimContext } from "./context.ts";

/** What a simulator route answers before it becomes a Response (status and JSON body). */
export type HandlerResult = { status: number; body: unknown };

/** HubSpot's 400 `Error` body for a request it refuses as a whole. */
export function validationError(
  ctx: SimContext,
  message: string,
  context?: Record<string, string[]>,
): HandlerResult {
  return {
    status: 400,
    body: {
      status: "error",
      message,
      correlationId: ctx.correlationId(),
      category: "VALIDATION_ERROR",
      ...(context ? { context } : {}),
      links: {},
    },
  };
}
