/**
 * "2026-12-31T10:30:00" in this runtime's time zone (the user's, in the page and in its workers) → an ISO
 * instant in UTC. The value reader takes it injected, so the domain stays free of the host's zone.
 */
export function localToIso(local: string): string | undefined {
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
