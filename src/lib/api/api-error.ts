import type { ApiErrorBody } from "../../hubspot/errors.ts";
import type { MessageId } from "../../i18n/messages.ts";
import { type Translate, translateEnglish } from "../../i18n/use-t.ts";

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

/**
 * A sentence a sales-ops person can act on, in the user's language (`useT()`); English without one.
 * HubSpot's own message (any other status) is passed through as HubSpot wrote it.
 */
export function describeApiError(error: unknown, t: Translate = translateEnglish): string {
  if (!(error instanceof ApiError)) return t("api.unknown");
  if (error.kind === "network") return t("api.network");
  if (error.isSignedOut) return t("api.signedOut");
  if (error.body?.category === "MISSING_ROLE") return roleRequired(error.body, t);
  if (error.body?.category === "CSRF_REJECTED") return t("api.csrf");
  if (error.status === 401) return t("api.unauthorized");
  if (error.isProxyRefusal) return t("api.proxyRefusal");
  if (error.status === 403) return t("api.forbidden");
  if (error.status === 413) return t("api.tooLarge");
  if (error.status === 429) return t("api.rateLimited");
  return t("api.hubspot", { message: error.message });
}

const ROLE_NAMES: Readonly<Record<string, MessageId>> = {
  viewer: "user.role.viewer",
  submitter: "user.role.submitter",
  admin: "user.role.admin",
};

/** The server says which role the person has and which the action needs (`context`, server/auth/api-guard). */
function roleRequired(body: ApiErrorBody, t: Translate): string {
  const name = (key: string) => {
    const id = ROLE_NAMES[body.context?.[key]?.[0] ?? ""];
    return id ? t(id) : undefined;
  };
  const role = name("role");
  const needed = name("needed");
  return role && needed ? t("api.roleRequired", { role, needed }) : t("api.roleRequiredUnnamed");
}
