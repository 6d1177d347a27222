import type { ApiErrorBody } from "../../hubspot/errors.ts";

export type ApiErrorKind =
  /** The request never got an answer: offline, proxy down, connection dropped. */
  | "network"
  /** HubSpot (or the proxy) answered with an error status. */
  | "http"
  /** The answer did not have the shape the contract promises. */
  | "contract";

const APP_REFUSALS = new Set(["FORBIDDEN", "MISSING_ROLE", "CSRF_REJECTED"]);

/** The one error type the API client throws. The app layer decides how to show it. */
export class ApiError extends Error {
  override readonly name = "ApiError";

  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly status?: number,
    readonly body?: ApiErrorBody,
    readonly headers?: Headers,
  ) {
    super(message);
  }

  get isAuthProblem(): boolean {
    // The proxy's own 403 (a page on a foreign origin, a role, a stale token) is not about HubSpot's token.
    return this.status === 401 || (this.status === 403 && !this.isProxyRefusal);
  }

  /** The app's server refused the page itself (wrong origin or host, role, CSRF token), not HubSpot. */
  get isProxyRefusal(): boolean {
    return this.status === 403 && APP_REFUSALS.has(this.body?.category ?? "");
  }

  /** The app's own sign-in is missing or over (not HubSpot's token). */
  get isSignedOut(): boolean {
    return this.status === 401 && this.body?.category === "UNAUTHENTICATED";
  }
}

/** A sentence a sales-ops person can act on. */
export function describeApiError(error: unknown): string {
  if (!(error instanceof ApiError))
    return "Something went wrong. Try again; if it keeps happening, reload the page.";
  if (error.kind === "network")
    return "The app's server cannot be reached. Check that it is running, then try again.";
  // The app's own sign-in, role and CSRF refusals carry a message written for the person (server/auth).
  if (
    error.isSignedOut ||
    error.body?.category === "MISSING_ROLE" ||
    error.body?.category === "CSRF_REJECTED"
  )
    return error.message;
  if (error.status === 401)
    return "HubSpot rejected the access token. Set a valid HUBSPOT_ACCESS_TOKEN and restart the server.";
  if (error.isProxyRefusal)
    return "The app's server only answers its own pages. Open the app at the address the server printed.";
  if (error.status === 403)
    return "The HubSpot private app is missing a permission (scope) for this. Add the scope in HubSpot and try again.";
  if (error.status === 413) return "The request is too large to send. Send fewer rows at once.";
  if (error.status === 429) return "HubSpot's rate limit was reached. Wait a few seconds and try again.";
  return error.message;
}
