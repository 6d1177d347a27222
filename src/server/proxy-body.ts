import type { z } from "zod";
import { AssociationBatchReadRequest } from "../hubspot/association-batch-read.ts";
import { BatchArchiveRequest } from "../hubspot/batch-archive.ts";
import { BatchCreateRequest } from "../hubspot/batch-create.ts";
import { BatchReadRequest } from "../hubspot/batch-read.ts";
import { BatchUpdateRequest } from "../hubspot/batch-update.ts";
import type { AllowedRoute } from "../hubspot/endpoints.ts";
import { SearchRequest } from "../hubspot/search.ts";

export const MAX_BODY_BYTES = 1024 * 1024;

const BODY_SCHEMAS: Record<NonNullable<AllowedRoute["body"]>, { schema: z.ZodType; name: string }> = {
  batchCreate: { schema: BatchCreateRequest, name: "a batch create request" },
  batchRead: { schema: BatchReadRequest, name: "a batch read request" },
  batchUpdate: { schema: BatchUpdateRequest, name: "a batch update request" },
  batchArchive: { schema: BatchArchiveRequest, name: "a batch archive request" },
  associationsRead: { schema: AssociationBatchReadRequest, name: "an association batch read request" },
  search: { schema: SearchRequest, name: "a search request" },
};

export type BodyResult =
  | { ok: true; json: string; value: unknown }
  | { ok: false; kind: "too-large" | "bad-request" | "body-timeout" | "canceled"; message: string };

/** How long a request body may take to arrive: a client trickling bytes must not hold a connection forever. */
export const BODY_TIMEOUT_MS = 15_000;

/**
 * `readCheckedBody` within `timeoutMs`; a client that hangs up mid-body is `canceled` (it is gone: nothing to
 * answer, nothing to log as a failure), not an exception.
 */
export async function readBodyInTime(
  request: Request,
  bodyName: NonNullable<AllowedRoute["body"]>,
  maxBytes: number,
  timeoutMs: number,
  setTimer: (callback: () => void, ms: number) => () => void,
): Promise<BodyResult> {
  let cancel: () => void = () => undefined;
  const timedOut = new Promise<BodyResult>((resolve) => {
    cancel = setTimer(
      () =>
        resolve({
          ok: false,
          kind: "body-timeout",
          message: `The request body did not arrive within ${Math.round(timeoutMs / 1000)} s. Check the connection and send again.`,
        }),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([readCheckedBody(request, bodyName, maxBytes), timedOut]);
  } catch {
    // readCheckedBody answers every bad body itself: a throw is the body stream breaking (the client hung up).
    return { ok: false, kind: "canceled", message: "The client went away while sending the request." };
  } finally {
    cancel();
  }
}

const TOO_LARGE = `The request body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB. Send fewer rows per request.`;

/**
 * Reads at most `maxBytes` (the declared length and the bytes actually streamed are both checked: a client may
 * lie about the first), then parses the JSON with the route's shared schema. Forwards the parsed value, so
 * unknown fields never reach HubSpot.
 */
export async function readCheckedBody(
  request: Request,
  bodyName: NonNullable<AllowedRoute["body"]>,
  maxBytes = MAX_BODY_BYTES,
): Promise<BodyResult> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (Number.isFinite(declared) && declared > maxBytes)
    return { ok: false, kind: "too-large", message: TOO_LARGE };

  const text = await readLimited(request, maxBytes);
  if (text === undefined) return { ok: false, kind: "too-large", message: TOO_LARGE };
  if (text === null)
    return { ok: false, kind: "bad-request", message: "The request body is not valid UTF-8 text." };
  if (text.trim() === "")
    return { ok: false, kind: "bad-request", message: "The request body is empty; expected JSON." };

  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : "parse error";
    return { ok: false, kind: "bad-request", message: `The request body is not valid JSON (${detail}).` };
  }
  const { schema, name } = BODY_SCHEMAS[bodyName];
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .slice(0, 3)
      .map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
    const more = parsed.error.issues.length > 3 ? ` (and ${parsed.error.issues.length - 3} more)` : "";
    return {
      ok: false,
      kind: "bad-request",
      message: `The request body is not ${name}: ${problems.join("; ")}${more}.`,
    };
  }
  return { ok: true, json: JSON.stringify(parsed.data), value: parsed.data };
}

/** The body as text, at most `maxBytes`: `undefined` when over the limit, `null` when not UTF-8. */
export async function readCappedText(request: Request, maxBytes: number): Promise<string | undefined | null> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (Number.isFinite(declared) && declared > maxBytes) return undefined;
  return readLimited(request, maxBytes);
}

/** `undefined` when over the limit, `null` when not UTF-8. */
export async function readLimited(request: Request, maxBytes: number): Promise<string | undefined | null> {
  if (!request.body) return "";
  // With a declared length (checked above) the whole body can be read at once: Node's HTTP parser stops at
  // that length, and the count below still catches a runtime that does not. This is the server's fast path.
  if (request.headers.has("content-length") && !request.headers.has("transfer-encoding")) {
    const buffer = await request.arrayBuffer();
    return buffer.byteLength > maxBytes ? undefined : decodeUtf8(new Uint8Array(buffer));
  }
  const bytes = await readStreamAtMost(request.body, maxBytes);
  return bytes === undefined ? undefined : decodeUtf8(bytes);
}

/** A stream's bytes, or `undefined` (and the stream cancelled) as soon as they pass `maxBytes`. */
export async function readStreamAtMost(
  stream: ReadableStream<Uint8Array>,
  maxBytes: number,
): Promise<Uint8Array | undefined> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  return joinChunks(chunks, total);
}

/** Chunks read from a body as one array of `total` bytes (one chunk is returned as it is). */
export function joinChunks(chunks: readonly Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** `["inputs", 0, "properties", "hs_title"]` → `inputs[0].properties.hs_title`. */
function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "(body)";
  return path
    .map((part, index) =>
      typeof part === "number" ? `[${part}]` : `${index === 0 ? "" : "."}${String(part)}`,
    )
    .join("");
}
