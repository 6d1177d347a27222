/**
 * Headers for every response of the app's server. The CSP allows only this origin's own scripts, styles,
 * workers and API; `'unsafe-inline'` is not needed (Vite emits no inline script, React sets styles through the
 * CSSOM, which CSP does not govern); the CSV parser's worker is a file of this origin too.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const ALWAYS: Record<string, string> = {
  "content-security-policy": CONTENT_SECURITY_POLICY,
  "x-content-type-options": "nosniff",
  // HubSpot links open from the results: they need not learn this app's address or routes.
  "referrer-policy": "same-origin",
  "x-frame-options": "DENY",
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-resource-policy": "same-origin",
};

/** Sets the security headers on `headers`; API and sign-in answers (per person, maybe secret) are never stored. */
export function applySecurityHeaders(headers: Headers, path: string): void {
  for (const [name, value] of Object.entries(ALWAYS)) headers.set(name, value);
  if (path === "/api" || path.startsWith("/api/") || path.startsWith("/auth/"))
    headers.set("cache-control", "no-store");
}
