import { z } from "zod";
import { BatchStatus } from "../../hubspot/batch-create.ts";

/**
 * What a submission says about a row, a request, a stop or an undo, as a code with values (decision 072):
 * the UI renders `submission.msg.<code>` in the viewer's language, so History shared through the server
 * reads in each viewer's language, whoever sent it. HubSpot's own words (an answer's `message`) travel
 * verbatim as `hubspot` and are shown labelled as HubSpot's. No code holds text of ours.
 */

const status = z.number().int();

/** Messages that stand alone. */
export const LeafMessage = z.discriminatedUnion("code", [
  /** The person's sign-in ended: the app's server sent nothing more. */
  z.object({ code: z.literal("signedOut") }),
  z.object({ code: z.literal("dailyLimit") }),
  z.object({ code: z.literal("serverStopped") }),
  /** The page closed while this row / this request was on the wire. */
  z.object({ code: z.literal("pageClosedRow") }),
  z.object({ code: z.literal("pageClosedRequest") }),
  z.object({ code: z.literal("connectionLost") }),
  z.object({ code: z.literal("stoppedBeforeAnswer") }),
  z.object({ code: z.literal("noAnswerWithin"), seconds: z.number() }),
  /** A send that threw: its error text (a bug's words, not HubSpot's). */
  z.object({ code: z.literal("unexpected"), detail: z.string() }),
  /** "HubSpot answered 502." with nothing more said. */
  z.object({ code: z.literal("answered"), status }),
  z.object({ code: z.literal("unreadableBody"), status }),
  z.object({ code: z.literal("answerUnreadable") }),
  z.object({ code: z.literal("rateLimited") }),
  z.object({ code: z.literal("notCreated") }),
  z.object({ code: z.literal("refusedNoReason") }),
  z.object({ code: z.literal("lineRefused") }),
  z.object({ code: z.literal("noUsableAnswer") }),
  /** A batch answer that does not account for this row. */
  z.object({ code: z.literal("unaccounted"), batchStatus: BatchStatus }),
  /** HubSpot refused the whole request because of these rows (numbers as people see them). */
  z.object({ code: z.literal("wholeRequest"), rows: z.array(z.number().int()) }),
  /** The server's reconcile: HubSpot has no quote with this row's key. */
  z.object({ code: z.literal("notInHubspot") }),
  /** The app's own server answered (`x-proxy-error: <kind>`), not HubSpot. */
  z.object({ code: z.literal("proxy"), kind: z.string(), status }),
  /** HubSpot's own words, verbatim. */
  z.object({ code: z.literal("hubspot"), text: z.string() }),
  /** Several of HubSpot's messages, one of which applies. */
  z.object({ code: z.literal("hubspotSeveral"), texts: z.array(z.string()) }),
]);
export type LeafMessage = z.infer<typeof LeafMessage>;

/** A leaf, or HubSpot's 5xx after the request was sent (with what it or the proxy said). */
export const InnerMessage = z.union([
  LeafMessage,
  z.object({ code: z.literal("afterSent"), status, cause: LeafMessage }),
]);
export type InnerMessage = z.infer<typeof InnerMessage>;

export const SubmissionMessage = z.union([
  InnerMessage,
  /** HubSpot rejected the access token / the app lacks the quotes scope: `cause` is what it said. */
  z.object({ code: z.literal("token"), cause: LeafMessage }),
  z.object({ code: z.literal("scope"), cause: LeafMessage }),
  /** Not sent: HubSpot could not be reached after `tries` tries. */
  z.object({ code: z.literal("gaveUp"), tries: z.number().int(), cause: InnerMessage }),
  /** No answer we can trust: HubSpot may have created this quote; reconcile first. */
  z.object({ code: z.literal("mayExist"), cause: InnerMessage }),
]);
export type SubmissionMessage = z.infer<typeof SubmissionMessage>;

/**
 * What is stored: a code, or (saves and journal rows of earlier versions) English text, shown as it is.
 * Code first: a string never parses as an object, so old and new both read.
 */
export const StoredMessage = z.union([SubmissionMessage, z.string()]);
export type StoredMessage = z.infer<typeof StoredMessage>;

/** HubSpot's words when it said some, else `fallback`. */
export function hubspotSaid(text: string | undefined, fallback: LeafMessage): LeafMessage {
  return text === undefined || text.trim() === "" ? fallback : { code: "hubspot", text };
}

/** The same message twice (dedupe): codes compare by their values. */
export function messageKey(message: StoredMessage): string {
  return typeof message === "string" ? message : JSON.stringify(message);
}
