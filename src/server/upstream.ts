import { Pool } from "undici";

/** One request to the upstream, as the proxy builds it: an absolute URL on the upstream's origin. */
export interface UpstreamCall {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
  /** Aborted when the proxy's timeout fires. */
  signal: AbortSignal;
}

/** The upstream's answer once its headers are in; the body is read (or discarded) by the proxy. */
export interface UpstreamAnswer {
  status: number;
  /** Lower-case names; a repeated header appears once per value. */
  headers: ReadonlyArray<readonly [string, string]>;
  /** Read at most once. A network failure while reading throws `UpstreamNetworkError`. */
  body: AsyncIterable<Uint8Array> | null;
  /** Gives the body up unread (a redirect, an answer declared over the size cap). */
  discard(): Promise<void>;
}

/** The proxy's way upstream: HubSpot over pooled HTTP (`httpUpstream`) or a handler in this process. */
export interface UpstreamClient {
  send(call: UpstreamCall): Promise<UpstreamAnswer>;
}

/**
 * The network between the proxy and the upstream failed (not a bug in either). `neverSent` only when the
 * failure is known to have come before a byte of the request left (no connection was made): only then may
 * the request be sent again without risking a duplicate.
 */
export class UpstreamNetworkError extends Error {
  constructor(
    message: string,
    readonly neverSent: boolean,
  ) {
    super(message);
    this.name = "UpstreamNetworkError";
  }
}

/** Socket codes that mean no connection was made (a connect timeout included), so nothing was sent. */
const NEVER_SENT_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
]);

/** Codes of a caller's mistake (bad arguments), i.e. a bug: a 500, not "HubSpot could not be reached". */
const PROGRAMMING_ERROR = /^(ERR_INVALID_|ERR_ASSERTION|UND_ERR_INVALID_|UND_ERR_NOT_SUPPORTED)/;

function codeOf(error: unknown): string | undefined {
  const code = error instanceof Error && "code" in error ? error.code : undefined;
  return typeof code === "string" ? code : undefined;
}

/**
 * `fetch` (and a Fetch handler that calls it) fails with a `TypeError` — "fetch failed" with the socket
 * error on `cause`, or "terminated" mid-body; undici's `request()` throws the socket or undici error itself.
 * Anything else thrown is a bug inside the upstream and stays as it is.
 */
export function asNetworkError(error: unknown): UpstreamNetworkError | undefined {
  if (error instanceof UpstreamNetworkError) return error;
  if (!(error instanceof Error)) return undefined;
  if (error instanceof TypeError) {
    const causeCode = codeOf(error.cause);
    if (causeCode !== undefined || /^(fetch failed|terminated)\b/.test(error.message)) {
      const detail = causeCode ? ` (${causeCode})` : "";
      return new UpstreamNetworkError(`${error.message}${detail}`, NEVER_SENT_CODES.has(causeCode ?? ""));
    }
    return undefined;
  }
  const code = codeOf(error);
  if (code === undefined || PROGRAMMING_ERROR.test(code)) return undefined;
  return new UpstreamNetworkError(error.message, NEVER_SENT_CODES.has(code));
}

/** A body whose network failures come out as `UpstreamNetworkError`; leaving it early cancels the source. */
async function* translated(body: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
  try {
    yield* body;
  } catch (error) {
    throw asNetworkError(error) ?? error;
  }
}

/** A web stream's chunks; leaving early cancels it (this TypeScript's DOM types lack its async iterator). */
async function* chunksOf(stream: ReadableStream<Uint8Array>): AsyncIterable<Uint8Array> {
  const reader = stream.getReader();
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        finished = true;
        return;
      }
      yield value;
    }
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined);
  }
}

/** An in-process upstream: the simulator's Fetch handler, or a test's fake of HubSpot. */
export function fetchHandlerUpstream(handler: (request: Request) => Promise<Response>): UpstreamClient {
  return {
    async send(call) {
      const request = new Request(call.url, {
        method: call.method,
        headers: call.headers,
        body: call.body,
        signal: call.signal,
        // A redirect is not HubSpot's answer (see `createProxy`): the handler's redirect reaches the proxy as is.
        redirect: "manual",
      });
      let response: Response;
      try {
        response = await handler(request);
      } catch (error) {
        throw asNetworkError(error) ?? error;
      }
      const body = response.body;
      return {
        status: response.status,
        headers: [...response.headers],
        body: body ? translated(chunksOf(body)) : null,
        discard: async () => {
          await body?.cancel().catch(() => undefined);
        },
      };
    },
  };
}

export interface HttpUpstreamOptions {
  /** Idle keep-alive sockets are closed after this long (HubSpot's servers may close theirs sooner). */
  keepAliveTimeoutMs?: number;
  /** How long a new connection (TCP and TLS) may take; after it, the request was never sent. */
  connectTimeoutMs?: number;
}

/**
 * HubSpot (or a compatible upstream) over HTTP through a pool of keep-alive connections, with undici's
 * `request()`: ~0.45 ms less per request than `fetch` on loopback (decision 037), which builds WHATWG
 * `Request`/`Response`/`Headers` objects and runs the fetch algorithm around the same client. It follows no
 * redirect (undici's `request()` never does) and has no timeouts of its own beyond the connect: the proxy's
 * timer aborts the call.
 */
export function httpUpstream(
  base: string,
  options: HttpUpstreamOptions = {},
): UpstreamClient & {
  close(): Promise<void>;
} {
  const origin = new URL(base).origin;
  const pool = new Pool(origin, {
    keepAliveTimeout: options.keepAliveTimeoutMs ?? 4_000,
    connect: { timeout: options.connectTimeoutMs ?? 10_000 },
    // The proxy's own timer bounds the whole answer (UPSTREAM_TIMEOUT_MS, up to 10 min).
    headersTimeout: 0,
    bodyTimeout: 0,
  });
  return {
    async send(call) {
      if (!call.url.startsWith(`${origin}/`)) throw new Error(`${call.url} is not on ${origin}`);
      try {
        const answer = await pool.request({
          method: call.method as "GET" | "POST",
          path: call.url.slice(origin.length),
          headers: call.headers,
          body: call.body,
          signal: call.signal,
        });
        const headers: [string, string][] = [];
        for (const [name, value] of Object.entries(answer.headers)) {
          if (Array.isArray(value)) for (const one of value) headers.push([name, one]);
          else if (value !== undefined) headers.push([name, value]);
        }
        return {
          status: answer.statusCode,
          headers,
          body: translated(answer.body),
          discard: async () => {
            await answer.body.dump().catch(() => undefined);
          },
        };
      } catch (error) {
        throw asNetworkError(error) ?? error;
      }
    },
    close: () => pool.close(),
  };
}
