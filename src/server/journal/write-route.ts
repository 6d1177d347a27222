import { z } from "zod";

export const WriteAction = z.enum(["create", "update", "archive"]);
export type WriteAction = z.infer<typeof WriteAction>;

export interface WriteRoute {
  objectType: string;
  action: WriteAction;
}

const WRITE_PATH = /^\/crm\/v3\/objects\/(quotes|line_items)\/batch\/(create|update|archive)$/;

/**
 * Which forwarded requests change the CRM and so are journalled: batch create, update and archive of quotes
 * and line items. Reads and searches are not (they change nothing and would bury the writes).
 */
export function writeRouteOf(method: string, hubspotPath: string): WriteRoute | undefined {
  if (method !== "POST") return undefined;
  const match = WRITE_PATH.exec(hubspotPath);
  const action = WriteAction.safeParse(match?.[2]);
  if (!match?.[1] || !action.success) return undefined;
  return { objectType: match[1], action: action.data };
}

const Inputs = z.object({
  inputs: z.array(z.looseObject({ objectWriteTraceId: z.string().optional(), id: z.string().optional() })),
});

/**
 * What identifies each input afterwards: a create's `objectWriteTraceId` (the row or line id the browser
 * sent), an update's or archive's HubSpot `id`. `undefined` for an input without one.
 */
export function traceIdsOf(action: WriteAction, body: unknown): { ids: string[]; count: number } {
  const parsed = Inputs.safeParse(body);
  if (!parsed.success) return { ids: [], count: 0 };
  const ids = parsed.data.inputs
    .map((input) => (action === "create" ? input.objectWriteTraceId : input.id))
    .filter((id): id is string => id !== undefined);
  return { ids, count: parsed.data.inputs.length };
}
