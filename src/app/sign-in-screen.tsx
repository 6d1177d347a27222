import type { ApiError } from "../lib/api/api-error.ts";
import { signInUrl } from "../lib/api/get-me.ts";

const SIGN_IN_ERRORS: Record<string, string> = {
  expired: "Signing in took too long or was started in another tab. Sign in again.",
  denied: "Signing in was cancelled at your company's sign-in page.",
  "no-email":
    "Your company account has no verified e-mail address, which this app needs to know who you are. Ask your IT team.",
  failed: "Your company's sign-in service did not complete the sign-in. Try again in a moment.",
};

/** Before the app: sign in with the company's identity provider (OIDC), or why the reverse proxy did not sign you in. */
export function SignInScreen({ error }: { error: ApiError }) {
  const params = new URLSearchParams(window.location.search);
  const problem = SIGN_IN_ERRORS[params.get("sign-in-error") ?? ""];
  const signedOut = params.has("signed-out");
  const href = signInUrl(error.headers, `/${window.location.hash}`);
  return (
    <main className="auth-screen">
      <div className="auth-card">
        <img src="/favicon.svg" alt="" width={32} height={32} />
        <h1 className="auth-card__title">Quote Batch Composer</h1>
        {problem ? (
          <p className="auth-card__problem" role="alert">
            {problem}
          </p>
        ) : null}
        {signedOut && !problem ? (
          <p className="auth-card__note" role="status">
            You are signed out.
          </p>
        ) : null}
        {href ? (
          <>
            <p className="auth-card__text">Sign in with your company account to compose and submit quotes.</p>
            <a className="ui-button ui-button--primary ui-button--lg" href={href}>
              Sign in
            </a>
          </>
        ) : (
          <p className="auth-card__text">{error.message}</p>
        )}
      </div>
    </main>
  );
}
