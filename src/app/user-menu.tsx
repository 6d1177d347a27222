import { useState } from "react";
import { describeApiError } from "../lib/api/api-error.ts";
import { signOut, useMe } from "../lib/api/get-me.ts";
import type { Role } from "../server/identity.ts";
import { Badge } from "../ui/badge.tsx";
import { Button } from "../ui/button.tsx";

const ROLE_LABEL: Record<Role, string> = { viewer: "Viewer", submitter: "Submitter", admin: "Admin" };
const ROLE_HINT: Record<Role, string> = {
  viewer: "You can read results and history. Ask an admin to let you submit.",
  submitter: "You can compose and submit batches.",
  admin: "You can submit, publish, undo and see everyone's submissions.",
};

/** Who is signed in, with what role, and Sign out (hidden without sign-in: the one person at this computer). */
export function UserMenu() {
  const me = useMe();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  if (!me.data || me.data.auth === "none") return null;
  const { user, canSignOut } = me.data;
  return (
    <div className="app-user">
      <span className="app-user__who">
        <span className="visually-hidden">Signed in as </span>
        <span className="app-user__name" title={user.id}>
          {user.name ?? user.id}
        </span>
      </span>
      <Badge tone="neutral" title={ROLE_HINT[user.role]}>
        {ROLE_LABEL[user.role]}
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
          Sign out
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
