import type { ErrorDetail } from "../../hubspot/errors.ts";

interface ErrorLike {
  message?: string;
  context?: Record<string, string[]>;
  errors?: readonly ErrorDetail[];
}

const CONTEXT_KEYS = ["propertyName", "property", "propertyNames"];
/** HubSpot's PROPERTY validation message embeds JSON: `[{"isValid":false,...,"name":"hs_status"}]`. */
const EMBEDDED_NAME = /"name"\s*:\s*"([A-Za-z0-9_]+)"/;
/** `Property "foo" does not exist`, `property 'hs_title'`. */
const QUOTED_PROPERTY = /[Pp]roperty\s+["'`“]([A-Za-z0-9_]+)["'`”]/;

/** The property an error is about: from its context, its details, or its message. */
export function propertyOfError(error: ErrorLike): string | undefined {
  for (const key of CONTEXT_KEYS) {
    const value = error.context?.[key]?.[0];
    if (value) return value;
  }
  for (const detail of error.errors ?? []) {
    for (const key of CONTEXT_KEYS) {
      const value = detail.context?.[key]?.[0];
      if (value) return value;
    }
    if (detail.in) return detail.in;
  }
  for (const text of [error.message, ...(error.errors ?? []).map((d) => d.message)]) {
    if (!text) continue;
    const match = EMBEDDED_NAME.exec(text) ?? QUOTED_PROPERTY.exec(text);
    if (match?.[1]) return match[1];
  }
  return undefined;
}

/** HubSpot's PROPERTY messages are long JSON dumps; keep the human part of each. */
export function readableMessage(message: string): string {
  const start = message.indexOf("[{");
  if (start < 0) return message;
  const lead = message.slice(0, start).trim();
  const parts = [...message.matchAll(/"message"\s*:\s*"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]);
  return parts.length === 0 ? message : [lead, ...parts].filter(Boolean).join(" ");
}
