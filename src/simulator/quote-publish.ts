import { PUBLISHED_STATUS } from "../hubspot/quote-publishing.ts";
import { type InputProblem, otherProblem, propertyProblem } from "./batch-errors.ts";
import type { SimContext } from "./context.ts";
import { portalDate } from "./portal-date.ts";
import type { StoredQuote } from "./quote-store.ts";

function associated(quote: StoredQuote, type: string): boolean {
  return quote.associations.some((association) => association.toObjectType === type);
}

/**
 * What a status change needs. Legacy: publishing needs a deal, a template and at least one line item of the
 * quote's own. CPQ: the API keeps quotes as drafts; approval and publishing happen in HubSpot.
 */
export function publishProblems(
  ctx: SimContext,
  quote: StoredQuote,
  properties: Record<string, string>,
): InputProblem[] {
  const status = properties.hs_status;
  if (status === undefined || status === quote.properties.hs_status) return [];
  if (ctx.portal.quoteSystem === "cpq" && status !== "DRAFT") {
    return [
      propertyProblem(
        "hs_status",
        "CPQ_STATUS_READ_ONLY",
        "This portal uses CPQ quotes: the API creates them as drafts, and approval and publishing happen in HubSpot",
      ),
    ];
  }
  if (status !== PUBLISHED_STATUS) return [];
  const problems: InputProblem[] = [];
  const missing = (what: string) =>
    otherProblem(
      "VALIDATION_ERROR",
      "QUOTE_NOT_PUBLISHABLE",
      `Quote ${quote.id} cannot be published without ${what}`,
    );
  if (!associated(quote, "deals")) problems.push(missing("an associated deal"));
  if (!associated(quote, "quote_template")) problems.push(missing("a quote template"));
  if (ctx.lineItems.ofParent({ type: "quotes", id: quote.id }).length === 0)
    problems.push(missing("line items"));
  const today = portalDate(ctx.now(), ctx.portal.account.timeZone);
  const expires = quote.properties.hs_expiration_date ?? "";
  if (expires !== "" && expires < today) {
    problems.push(
      otherProblem(
        "VALIDATION_ERROR",
        "QUOTE_EXPIRED",
        `Quote ${quote.id} expired on ${expires} (today is ${today} in the portal's time zone); set a later hs_expiration_date to publish it`,
      ),
    );
  }
  return problems;
}

/** The properties a published quote gains; the number counts the portal's publications. */
export function publishedProperties(ctx: SimContext, quote: StoredQuote): Record<string, string> {
  const portalId = ctx.portal.account.portalId;
  const key = ctx.correlationId().replace(/-/g, "").slice(0, 24);
  const day = portalDate(ctx.now(), ctx.portal.account.timeZone).replace(/-/g, "");
  return {
    hs_locked: "true",
    hs_public_url_key: key,
    hs_quote_link: `https://${portalId}.hs-sites.com/quotes/${key}`,
    hs_pdf_download_link: `https://api.hubspot.com/quotes/v1/${quote.id}/pdf?portalId=${portalId}&key=${key}`,
    hs_quote_number: `${day}-${quote.id.slice(-9)}`,
  };
}
