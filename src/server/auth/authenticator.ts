import { LOCAL_USER, type SignedInUser } from "../identity.ts";
import type { AuthConfig } from "./auth-config.ts";
import { emailRole, highestRole } from "./roles.ts";
import type { Sessions } from "./sessions.ts";
import { trustedProxyMatcher } from "./trusted-proxies.ts";

export interface Caller {
  user: SignedInUser;
  /** What the CSRF token is a MAC of; `undefined` without sign-in (loopback only, guarded by Host and Origin). */
  csrfSubject: string | undefined;
}

/** Tells who sent a request: the local user, the trusted proxy's header, or our session cookie. */
export type Authenticator = (request: Request, remoteAddress: string | undefined) => Caller | undefined;

const PLAUSIBLE_EMAIL = /^[^\s@]+@[^\s@]+$/;

export function createAuthenticator(auth: AuthConfig, sessions: Sessions | undefined): Authenticator {
  if (auth.mode === "none" || !sessions) return () => ({ user: LOCAL_USER, csrfSubject: undefined });

  if (auth.mode === "proxy-header") {
    const trusted = trustedProxyMatcher(auth.trustedProxies);
    return (request, remoteAddress) => {
      // The header is only as trustworthy as whoever set it: anyone else could type it into curl.
      if (!trusted(remoteAddress)) return undefined;
      const email = request.headers.get(auth.header)?.trim();
      if (!email || !PLAUSIBLE_EMAIL.test(email)) return undefined;
      return {
        user: { id: email, role: emailRole(email, auth.roles) },
        csrfSubject: `user|${email.toLowerCase()}`,
      };
    };
  }

  return (request) => {
    const session = sessions.read(request);
    if (!session) return undefined;
    const role = highestRole(emailRole(session.email, auth.roles), session.groupRole);
    const user: SignedInUser = { id: session.email, role };
    if (session.name) user.name = session.name;
    return { user, csrfSubject: session.sid };
  };
}
