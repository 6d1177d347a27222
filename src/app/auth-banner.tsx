import { useQueryClient } from "@tanstack/react-query";
import { useT } from "../i18n/use-t.ts";
import { type ApiError, describeApiError } from "../lib/api/api-error.ts";
import { Alert } from "../ui/alert.tsx";
import { Button } from "../ui/button.tsx";

/** One banner for 401/403 from anywhere: nothing else works until the token or its scopes are fixed. */
export function AuthBanner({ error, onDismiss }: { error: ApiError | undefined; onDismiss: () => void }) {
  const queryClient = useQueryClient();
  const t = useT();
  if (!error) return null;
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
        {describeApiError(error)}
      </Alert>
    </div>
  );
}
