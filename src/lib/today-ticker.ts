import { localToday } from "../domain/validation/today.ts";

/** How often the date is looked at: a minute late at midnight is fine, and a laptop waking up is caught. */
const TICK_MS = 60_000;

/**
 * Calls `onChange` when the user's calendar date changes (midnight, or waking up the next day), so
 * expiration dates that became past turn invalid without a reload. Returns the stop function.
 */
export function watchToday(
  onChange: (today: string) => void,
  now: () => Date = () => new Date(),
): () => void {
  let last = localToday(now());
  const timer = setInterval(() => {
    const today = localToday(now());
    if (today === last) return;
    last = today;
    onChange(today);
  }, TICK_MS);
  return () => clearInterval(timer);
}
