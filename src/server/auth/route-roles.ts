import { PROXY_PREFIX } from "../../hubspot/endpoints.ts";
import type { Role } from "../identity.ts";

const READ_METHODS = new Set(["GET", "HEAD"]);

/** Creating quotes and their line items is submitting; changing or archiving what exists is publishing/undo. */
const SUBMIT = /^\/crm\/v3\/objects\/(quotes|line_items)\/batch\/create$/;
const HUBSPOT_READ = /^\/crm\/v3\/objects\/[a-z_]+\/(batch\/read|search)$/;
/** Which line items a quote has (reconciling a submission's line items): a read, though it is a POST. */
const ASSOCIATION_READ = /^\/crm\/v4\/associations\/[a-z_]+\/[a-z_]+\/batch\/read$/;

/**
 * The role each `/api/*` route needs. Anything not named here fails closed: reads need a viewer, writes an
 * admin — a new write endpoint must be placed here on purpose.
 */
export function requiredRole(method: string, path: string): Role {
  const read = READ_METHODS.has(method);
  if (path.startsWith(`${PROXY_PREFIX}/`)) {
    const hubspotPath = path.slice(PROXY_PREFIX.length);
    if (read || HUBSPOT_READ.test(hubspotPath) || ASSOCIATION_READ.test(hubspotPath)) return "viewer";
    if (SUBMIT.test(hubspotPath)) return "submitter";
    return "admin";
  }
  // Simulator controls change what every user sees (faults, resets): admin only, reads included.
  if (path.startsWith("/api/simulator/")) return "admin";
  // The shared journal of submissions: everyone reads it (the journal itself narrows what a non-admin sees),
  // submitters record their own submissions.
  if (/^\/api\/(journal|submissions)(\/|$)/.test(path)) return read ? "viewer" : "submitter";
  return read ? "viewer" : "admin";
}
