import type { MessageId } from "../i18n/messages.ts";
import { useT } from "../i18n/use-t.ts";
import type { ApiError } from "../lib/api/api-error.ts";
import { signInUrl } from "../lib/api/get-me.ts";

/** `?sign-in-error=` values the server's sign-in callback redirects with (server/auth/oidc-routes.ts). */
const SIGN_IN_ERRORS: Record<string, MessageId> = {
  expired: "signin.error.expired",
  denied: "signin.error.denied",
  "no-email": "signin.error.noEmail",
  failed: "signin.error.failed",
};

/** Before the app: sign in with the company's identity provider (OIDC), or why the reverse proxy did not sign you in. */
export function SignInScreen({ error }: { error: ApiError }) {
  const t = useT();
  const params = new URLSearchParams(window.location.search);
  const problem = SIGN_IN_ERRORS[params.get("sign-in-error") ?? ""];
  const signedOut = params.has("signed-out");
  const href = signInUrl(error.headers, `/${window.location.hash}`);
  return (
    <main className="auth-screen">
      <div className="auth-card">
        <img src="/favicon.svg" alt="" width={32} height={32} />
        <h1 className="auth-card__title">{t("app.name")}</h1>
        {problem ? (
          <p className="auth-card__problem" role="alert">
            {t(problem)}
          </p>
        ) : null}
        {signedOut && !problem ? (
          <p className="auth-card__note" role="status">
            {t("signin.signedOut")}
          </p>
        ) : null}
        {href ? (
          <>
            <p className="auth-card__text">{t("signin.prompt")}</p>
            <a className="ui-button ui-button--primary ui-button--lg" href={href}>
              {t("signin.button")}
            </a>
          </>
        ) : (
          // The server's own sentence: with a reverse proxy, signing in happens there, not here.
          <p className="auth-card__text">{error.message}</p>
        )}
      </div>
    </main>
  );
}
