import { useQueryClient } from "@tanstack/react-query";
import { useT } from "../i18n/use-t.ts";
import { type ApiError, describeApiError } from "../lib/api/api-error.ts";
import { currentPlace, signInUrl } from "../lib/api/get-me.ts";
import { Alert } from "../ui/alert.tsx";
import { Button } from "../ui/button.tsx";

/** One banner for 401/403 from anywhere: nothing else works until the token or its scopes are fixed. */
export function AuthBanner({ error, onDismiss }: { error: ApiError | undefined; onDismiss: () => void }) {
  const queryClient = useQueryClient();
  const t = useT();
  if (!error) return null;
  if (error.isSignedOut) return <SessionEnded error={error} onDismiss={onDismiss} />;
  const title = t(error.status === 403 ? "auth.forbidden" : "auth.rejected");
  return (
    <div className="app-banner">
      <Alert
        tone="danger"
        title={title}
        onDismiss={onDismiss}
        action={
          <Button
            size="sm"
            onClick={() => {
              onDismiss();
              void queryClient.refetchQueries({ type: "active" });
            }}
          >
            {t("auth.retry")}
          </Button>
        }
      >
        {describeApiError(error, t)}
      </Alert>
    </div>
  );
}

/** The app's own session ended (expiry, sign-out in another tab): the draft is autosaved, so signing in is safe. */
function SessionEnded({ error, onDismiss }: { error: ApiError; onDismiss: () => void }) {
  const t = useT();
  const href = signInUrl(error.headers, currentPlace());
  return (
    <div className="app-banner">
      <Alert
        tone="warning"
        title={t("session.ended.title")}
        onDismiss={onDismiss}
        action={
          href ? (
            <a className="ui-button ui-button--primary ui-button--sm" href={href}>
              {t("session.ended.action")}
            </a>
          ) : undefined
        }
      >
        {href ? t("session.ended.body") : describeApiError(error)}
      </Alert>
    </div>
  );
}
