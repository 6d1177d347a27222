import type { ReactNode } from "react";
import { useT } from "../i18n/use-t.ts";
import { ApiError, describeApiError } from "../lib/api/api-error.ts";
import { useMe } from "../lib/api/get-me.ts";
import { Alert } from "../ui/alert.tsx";
import { Button } from "../ui/button.tsx";
import { Spinner } from "../ui/spinner.tsx";
import { SignInScreen } from "./sign-in-screen.tsx";

/** Shows the app once the server said who is signed in; otherwise the sign-in screen (or why it cannot tell). */
export function AuthGate({ children }: { children: ReactNode }) {
  const me = useMe();
  const t = useT();
  if (me.isPending) {
    return (
      <div className="auth-screen">
        <Spinner label={t("signin.checking")} />
      </div>
    );
  }
  if (me.isError) {
    if (me.error instanceof ApiError && me.error.isSignedOut) return <SignInScreen error={me.error} />;
    return (
      <div className="auth-screen">
        <Alert
          tone="danger"
          title={t("signin.unknown.title")}
          action={
            <Button size="sm" onClick={() => void me.refetch()} busy={me.isFetching}>
              {t("signin.retry")}
            </Button>
          }
        >
          {describeApiError(me.error)}
        </Alert>
      </div>
    );
  }
  return children;
}
