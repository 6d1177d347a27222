/** The host of an `Origin` header; `undefined` for `null` (sandboxed frames, redirects) or anything unparsable. */
export function originHost(origin: string): string | undefined {
  try {
    return new URL(origin).host || undefined;
  } catch {
    return undefined;
  }
}
