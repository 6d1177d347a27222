import { useQueryClient } from "@tanstack/react-query";
import { type ApiError, describeApiError } from "../lib/api/api-error.ts";
import { signInUrl } from "../lib/api/get-me.ts";
import { Alert } from "../ui/alert.tsx";
import { Button } from "../ui/button.tsx";

/** One banner for 401/403 from anywhere: nothing else works until the token or its scopes are fixed. */
export function AuthBanner({ error, onDismiss }: { error: ApiError | undefined; onDismiss: () => void }) {
  const queryClient = useQueryClient();
  if (!error) return null;
  if (error.isSignedOut) return <SessionEnded error={error} onDismiss={onDismiss} />;
  const title = error.status === 403 ? "HubSpot denied access" : "HubSpot rejected the access token";
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
            Try again
          </Button>
        }
      >
        {describeApiError(error)}
      </Alert>
    </div>
  );
}

/** The app's own session ended (expiry, sign-out in another tab): the draft is autosaved, so signing in is safe. */
function SessionEnded({ error, onDismiss }: { error: ApiError; onDismiss: () => void }) {
  const href = signInUrl(error.headers, `${window.location.pathname}${window.location.hash}`);
  return (
    <div className="app-banner">
      <Alert
        tone="warning"
        title="Your session has ended"
        onDismiss={onDismiss}
        action={
          href ? (
            <a className="ui-button ui-button--primary ui-button--sm" href={href}>
              Sign in again
            </a>
          ) : undefined
        }
      >
        {href
          ? "Sign in again to keep working. Your draft is saved in this browser."
          : describeApiError(error)}
      </Alert>
    </div>
  );
}
