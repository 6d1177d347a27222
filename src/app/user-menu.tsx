import { useState } from "react";
import type { MessageId } from "../i18n/messages.ts";
import { useT } from "../i18n/use-t.ts";
import { describeApiError } from "../lib/api/api-error.ts";
import { signOut, useMe } from "../lib/api/get-me.ts";
import type { Role } from "../server/identity.ts";
import { Badge } from "../ui/badge.tsx";
import { Button } from "../ui/button.tsx";

const ROLE_LABEL: Record<Role, MessageId> = {
  viewer: "user.role.viewer",
  submitter: "user.role.submitter",
  admin: "user.role.admin",
};
const ROLE_HINT: Record<Role, MessageId> = {
  viewer: "user.role.viewer.hint",
  submitter: "user.role.submitter.hint",
  admin: "user.role.admin.hint",
};

/** Who is signed in, with what role, and Sign out (hidden without sign-in: the one person at this computer). */
export function UserMenu() {
  const me = useMe();
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  if (!me.data || me.data.auth === "none") return null;
  const { user, canSignOut } = me.data;
  return (
    <div className="app-user">
      <span className="app-user__who">
        <span className="visually-hidden">{t("user.signedInAs")} </span>
        <span className="app-user__name" title={user.id}>
          {user.name ?? user.id}
        </span>
      </span>
      <Badge tone="neutral" title={t(ROLE_HINT[user.role])}>
        {t(ROLE_LABEL[user.role])}
      </Badge>
      {canSignOut ? (
        <Button
          size="sm"
          variant="ghost"
          busy={busy}
          onClick={() => {
            setBusy(true);
            setProblem(undefined);
            signOut()
              .then(() => window.location.assign("/?signed-out"))
              .catch((error: unknown) => {
                setBusy(false);
                setProblem(describeApiError(error));
              });
          }}
        >
          {t("user.signOut")}
        </Button>
      ) : null}
      {problem ? (
        <span className="app-user__problem" role="alert">
          {problem}
        </span>
      ) : null}
    </div>
  );
}
