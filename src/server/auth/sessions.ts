import { randomBytes } from "node:crypto";
import { z } from "zod";
import { Role } from "../identity.ts";
import { readCookie, serializeCookie } from "./cookies.ts";
import { mac, signValue, verifyValue } from "./signed-value.ts";

const SessionPayload = z.object({
  sid: z.string().min(16),
  email: z.string().min(1),
  name: z.string().optional(),
  /** The role the identity provider's groups gave at sign-in; e-mail lists are applied per request. */
  groupRole: Role.optional(),
  /** Epoch ms after which the session is over, whatever the cookie's own lifetime. */
  exp: z.number(),
});
export type Session = z.infer<typeof SessionPayload>;

export interface SessionsOptions {
  secret: string;
  /** How long a session lasts from sign-in. */
  maxAgeSeconds: number;
  /** Under https: `Secure` cookies with the `__Host-` prefix (bound to this exact origin). */
  secure: boolean;
  now: () => number;
}

/**
 * Signed, stateless session cookies (HttpOnly, SameSite=Lax): every replica that shares `SESSION_SECRET` reads
 * them without a session store. Beside it a readable CSRF cookie whose value is a MAC of the session id: the
 * page copies it into `X-QBC-CSRF`, which a page on another origin cannot read, so it cannot forge a write.
 */
export class Sessions {
  readonly sessionCookie: string;
  readonly csrfCookie: string;

  constructor(private readonly options: SessionsOptions) {
    const prefix = options.secure ? "__Host-" : "";
    this.sessionCookie = `${prefix}qbc_session`;
    this.csrfCookie = `${prefix}qbc_csrf`;
  }

  /** `Set-Cookie` values that start a session for this person. */
  start(identity: { email: string; name?: string; groupRole?: Role }): string[] {
    const session: Session = {
      sid: randomBytes(18).toString("base64url"),
      ...identity,
      exp: this.options.now() + this.options.maxAgeSeconds * 1000,
    };
    const value = signValue(Buffer.from(JSON.stringify(session)).toString("base64url"), this.options.secret);
    const { maxAgeSeconds } = this.options;
    return [
      serializeCookie(this.sessionCookie, value, this.cookieOptions(maxAgeSeconds, true)),
      serializeCookie(this.csrfCookie, this.csrfToken(session.sid), this.cookieOptions(maxAgeSeconds, false)),
    ];
  }

  /** The request's session when its cookie is the server's own and has not expired. */
  read(request: Request): Session | undefined {
    const cookie = readCookie(request, this.sessionCookie);
    if (!cookie) return undefined;
    const value = verifyValue(cookie, this.options.secret);
    if (!value) return undefined;
    let json: unknown;
    try {
      json = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
    } catch {
      return undefined;
    }
    const parsed = SessionPayload.safeParse(json);
    if (!parsed.success || parsed.data.exp <= this.options.now()) return undefined;
    return parsed.data;
  }

  /** `Set-Cookie` values that end the session in this browser. */
  end(): string[] {
    return [
      serializeCookie(this.sessionCookie, "", this.cookieOptions(0, true)),
      serializeCookie(this.csrfCookie, "", this.cookieOptions(0, false)),
    ];
  }

  /** The CSRF token of a session id (or of any other subject, such as a proxy-header user). */
  csrfToken(subject: string): string {
    return mac(`csrf|${subject}`, this.options.secret);
  }

  /** A readable CSRF cookie for a subject without a session of ours (proxy-header mode). */
  csrfCookieFor(subject: string): string {
    return serializeCookie(
      this.csrfCookie,
      this.csrfToken(subject),
      this.cookieOptions(this.options.maxAgeSeconds, false),
    );
  }

  private cookieOptions(maxAgeSeconds: number, httpOnly: boolean) {
    return { maxAgeSeconds, httpOnly, secure: this.options.secure, sameSite: "Lax" as const };
  }
}
