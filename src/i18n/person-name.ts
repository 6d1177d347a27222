import { LOCAL_USER } from "../server/identity.ts";
import type { Translate } from "./use-t.ts";

/**
 * A person as the UI names them: their name, else their id (an e-mail address). Without sign-in
 * (`AUTH_MODE=none`) everyone is the server's local user, whose English name "This computer" the server
 * sends; the UI says it in the user's language.
 */
export function personName(person: { id: string; name?: string | undefined }, t: Translate): string {
  if (person.id === LOCAL_USER.id) return t("person.thisComputer");
  return person.name ?? person.id;
}
