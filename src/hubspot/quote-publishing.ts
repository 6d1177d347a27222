/** Publishing a legacy quote: `batch/update` with this status (FACTS.md, "Publishing"). */
export const PUBLISHED_STATUS = "APPROVAL_NOT_NEEDED";

/** What a published quote offers to read back (`batch/read`); `hs_quote_amount` is calculated from its lines. */
export const QUOTE_READBACK_PROPERTIES = [
  "hs_status",
  "hs_quote_amount",
  "hs_quote_link",
  "hs_pdf_download_link",
  "hs_quote_number",
  "hs_locked",
] as const;
