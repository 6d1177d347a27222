import type { LeafMessage } from "./submission-message.ts";

/** Enough of `Headers` for the queue: tests pass a plain object wrapper, the app real `Headers`. */
export interface HeaderReader {
  get(name: string): string | null;
}

/**
 * What one attempt at sending a request produced. The send function (the I/O the queue is given) never
 * throws: it reports an answer, or no answer together with whether anything could have reached HubSpot.
 */
export type SendResult =
  | { kind: "answered"; status: number; headers: HeaderReader; body: unknown }
  | {
      kind: "no-answer";
      /** `no`: failed before a byte left (connection refused); `maybe`: dropped, timed out, or cannot tell. */
      sent: "no" | "maybe";
      message: LeafMessage;
    };

export function headersOf(record: Record<string, string>): HeaderReader {
  const lower = new Map(Object.entries(record).map(([k, v]) => [k.toLowerCase(), v]));
  return { get: (name) => lower.get(name.toLowerCase()) ?? null };
}
