/** Today in the user's calendar, as HubSpot dates are written (YYYY-MM-DD): expiration dates must not be before it. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
