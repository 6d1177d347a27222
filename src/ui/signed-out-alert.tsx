import type { ReactNode } from "react";
import { useT } from "../i18n/use-t.ts";
import { Alert } from "./alert.tsx";
import { Button } from "./button.tsx";

/**
 * The person's own sign-in ended: a warning (nothing is lost), a "Sign in again" link that comes back to this
 * page, and, for a paused submission, "Resume". Without a link (a reverse proxy signs people in) reloading
 * the page signs in again.
 */
export function SignedOutAlert({
  signInHref,
  onResume,
  resumeDisabled,
  children,
}: {
  signInHref?: string | undefined;
  onResume?: (() => void) | undefined;
  resumeDisabled?: boolean;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <Alert
      tone="warning"
      title={t("signedOut.title")}
      action={
        <>
          {signInHref ? (
            <a className="ui-button ui-button--primary ui-button--sm" href={signInHref}>
              {t("signedOut.action")}
            </a>
          ) : null}
          {onResume ? (
            <Button
              size="sm"
              variant={signInHref ? "secondary" : "primary"}
              onClick={onResume}
              disabled={resumeDisabled}
            >
              {t("signedOut.resume")}
            </Button>
          ) : null}
        </>
      }
    >
      {children}
    </Alert>
  );
}
