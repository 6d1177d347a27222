import type { SubmissionState } from "../../domain/submission/types.ts";
import { signInHref } from "../api/get-me.ts";

export interface SignedOutStop {
  /** The sign-in ended while this page was open: it must sign in again before anything can resume. */
  inThisPage: boolean;
  /** "Sign in again", back to this page (behind a reverse proxy: this page again, whose load signs in). */
  signInHref: string | undefined;
}

/**
 * The submission on screen paused because its sender's sign-in ended. Signing in again is always a page load
 * (the identity provider's redirect, or the reverse proxy's), so a stop older than this page means the person
 * has signed in since and may resume.
 */
export function signedOutStop(
  state: SubmissionState | undefined,
  pageLoadedAt: number = globalThis.performance?.timeOrigin ?? 0,
): SignedOutStop | undefined {
  const reason = state?.stopReason;
  if (reason?.kind !== "signed-out") return undefined;
  return signedOutAt(state?.finishedAt ?? Number.POSITIVE_INFINITY, reason.signIn, pageLoadedAt);
}

/** The undo on screen paused because its sender's sign-in ended (the same rule as a paused submission). */
export function signedOutUndo(
  state: SubmissionState | undefined,
  pageLoadedAt: number = globalThis.performance?.timeOrigin ?? 0,
): SignedOutStop | undefined {
  const paused = state?.undo?.paused;
  return paused ? signedOutAt(paused.at, paused.signIn, pageLoadedAt) : undefined;
}

function signedOutAt(at: number, signIn: string | undefined, pageLoadedAt: number): SignedOutStop {
  const inThisPage = at >= pageLoadedAt;
  return { inThisPage, signInHref: inThisPage ? (signInHref(signIn) ?? currentPage()) : undefined };
}

/** Behind a reverse proxy, loading the page again is what signs in. */
function currentPage(): string | undefined {
  return typeof window === "undefined" ? undefined : window.location.href;
}
