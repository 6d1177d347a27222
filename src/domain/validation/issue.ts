import { z } from "zod";
import type { ColumnKey } from "../batch/columns.ts";
import type { LineId, RowId } from "../batch/row.ts";
import { StoredMessage } from "../submission/submission-message.ts";

export type IssueSeverity = "error" | "warning";

/**
 * What is wrong, as data: the UI shows message `issue.<code>` with these values in the user's language
 * (decision 070). Every code says what is wrong, where, and what to do, in both catalogues.
 */
export const ISSUE_CODES = [
  "required.title",
  "required.expiration",
  "value.number",
  "value.date",
  "value.datetime",
  "value.bool",
  "option.labels",
  "option.unknown",
  "date.past",
  "association.notIds",
  "association.missing",
  "association.lineItems",
  "text.outerSpace",
  "publish.noDeal",
  "publish.noTemplate",
  "publish.noContact",
  "publish.noLines",
  "line.noProduct",
  "line.productText",
  "line.productMissing",
  "line.noQuantity",
  "line.quantity",
  "line.price",
  "line.priceNeeded",
  "line.discount",
  "line.currency",
  "deal.currency",
  "hubspot.rejected",
  "hubspot.unknown",
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

/** Plain data: numbers, strings, and lists of strings (the UI joins a list the way the language does). */
export type IssueValues = Readonly<Record<string, string | number | readonly string[]>>;

export interface IssueMessage {
  readonly code: IssueCode;
  readonly values?: IssueValues;
  /** A line item's position (1-based): the UI says "Line 3: …" before the message. */
  readonly line?: number;
  /** What a submission said about the row (`hubspot.rejected`): the UI words it as the message's `reason`. */
  readonly cause?: StoredMessage;
}

/** An IssueMessage as stored with a submission (a skipped row's reason), read back with this. */
export const StoredIssue = z.object({
  code: z.enum(ISSUE_CODES),
  values: z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string()).readonly()])).optional(),
  line: z.number().optional(),
  cause: StoredMessage.optional(),
});

/** `issue(code, values)`: an IssueMessage without the object noise at every call. */
export function issue(code: IssueCode, values?: IssueValues): IssueMessage {
  return values ? { code, values } : { code };
}

/**
 * One problem with one cell (or with the row as a whole when `columnKey` is undefined). With `lineId`, the
 * cell is that line item's, and `columnKey` is a line-item property name.
 */
export interface CellIssue {
  rowId: RowId;
  lineId?: LineId;
  columnKey: ColumnKey | undefined;
  severity: IssueSeverity;
  /** What is wrong and what to do, as a code with values ("date.past", { date, today }). */
  message: IssueMessage;
}
