import { queryOptions, useQuery } from "@tanstack/react-query";
import { z } from "zod";
import { SIGN_IN_HEADER } from "../../hubspot/endpoints.ts";
// The server's identity schema is plain zod, shared so the browser and the server agree on roles.
import { hasRole, type Role, SignedInUser } from "../../server/identity.ts";
import { requestJson, sendRaw, toHttpError } from "./client.ts";

/** `GET /api/me`: who is signed in, how, and whether this app can sign them out (OIDC). */
export const Me = z.object({
  user: SignedInUser,
  auth: z.enum(["none", "oidc", "proxy-header"]),
  canSignOut: z.boolean(),
});
export type Me = z.infer<typeof Me>;

export const meKeys = { all: ["me"] as const };

export function meQuery() {
  return queryOptions({
    queryKey: meKeys.all,
    queryFn: ({ signal }) => requestJson("/api/me", Me, { signal }),
    staleTime: 5 * 60_000,
    // A 401 is an answer (sign in), not a blip to retry.
    retry: false,
  });
}

export function useMe() {
  return useQuery(meQuery());
}

/** Whether the signed-in person may do what `role` may; `false` until `/api/me` answered. */
export function useCan(role: Role): boolean {
  const me = useMe();
  return me.data !== undefined && hasRole(me.data.user.role, role);
}

/** `POST /auth/logout`: the server clears the session cookies. */
export async function signOut(): Promise<void> {
  const raw = await sendRaw("/auth/logout", { method: "POST" });
  if (raw.status !== 200) throw toHttpError(raw);
}

/** Where signing in starts, when this app signs people in itself (OIDC); read from a 401's header. */
export function signInUrl(headers: Headers | undefined, returnTo: string): string | undefined {
  return signInHref(headers?.get(SIGN_IN_HEADER), returnTo);
}

/** The sign-in start (a path of this origin) with where to come back to; `undefined` when there is none. */
export function signInHref(
  start: string | null | undefined,
  returnTo: string = currentPlace(),
): string | undefined {
  if (!start?.startsWith("/") || start.startsWith("//")) return undefined;
  return `${start}?${new URLSearchParams({ returnTo })}`;
}

/** This page as it is now (path, History's filter in the query string, the tab in the hash). */
export function currentPlace(): string {
  const { pathname, search, hash } = window.location;
  return `${pathname}${search}${hash}`;
}

/**
 * Whether the signed-in person is known to lack `role`: `false` until `/api/me` answered (the app itself
 * waits for it in AuthGate; components rendered alone, as in tests, keep their controls).
 */
export function useLacks(role: Role): boolean {
  const me = useMe();
  return me.data !== undefined && !hasRole(me.data.user.role, role);
}
