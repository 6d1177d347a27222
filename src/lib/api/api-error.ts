import type { ApiErrorBody } from "../../hubspot/errors.ts";

export type ApiErrorKind =
  /** The request never got an answer: offline, proxy down, connection dropped. */
  | "network"
  /** HubSpot (or the proxy) answered with an error status. */
  | "http"
  /** The answer did not have the shape the contract promises. */
  | "contract";

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
    return this.status === 401 || this.status === 403;
  }
}

/** A sentence a sales-ops person can act on. */
export function describeApiError(error: unknown): string {
  if (!(error instanceof ApiError))
    return "Something went wrong. Try again; if it keeps happening, reload the page.";
  if (error.kind === "network")
    return "The app's server cannot be reached. Check that it is running, then try again.";
  if (error.status === 401)
    return "HubSpot rejected the access token. Set a valid HUBSPOT_ACCESS_TOKEN and restart the server.";
  if (error.status === 403)
    return "The HubSpot private app is missing a permission (scope) for this. Add the scope in HubSpot and try again.";
  if (error.status === 429) return "HubSpot's rate limit was reached. Wait a few seconds and try again.";
  return error.message;
}
