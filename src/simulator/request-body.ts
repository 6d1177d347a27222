export type ParsedBody = { ok: true; value: unknown } | { ok: false; message: string };

/** JSON.parse with HubSpot's wording for a body that is not JSON. */
export function parseJsonBody(raw: string): ParsedBody {
  if (raw.trim() === "") return { ok: false, message: "Invalid input JSON: the request body is empty" };
  try {
    const value: unknown = JSON.parse(raw);
    return { ok: true, value };
  } catch (error) {
    const detail = error instanceof Error ? error.message : "not JSON";
    return { ok: false, message: `Invalid input JSON on line 1: ${detail}` };
  }
}
