import type { AssociationTargetType } from "../../hubspot/association-catalogue.ts";
import type { Property } from "../../hubspot/properties.ts";
import type { QuoteSystem } from "../../hubspot/quote-system.ts";
import {
  type ColumnKey,
  isAssociationColumnKey,
  parseAssociationColumnKey,
  splitRecordIds,
} from "../batch/columns.ts";
import { type BatchDefaults, effectiveCells, NO_DEFAULTS } from "../batch/defaults.ts";
import type { BatchRow } from "../batch/row.ts";
import type { ColumnDef } from "../columns/column-def.ts";
import {
  associationCheck,
  type CellCheck,
  type DealCurrencyOf,
  type IsMissingRecord,
  NO_PROBLEM,
  notInThePast,
  outerSpaceCheck,
  propertyCheck,
} from "./cell-checks.ts";
import { type CellIssue, type IssueMessage, issue } from "./issue.ts";
import type { LineRules } from "./line-rules.ts";

export interface RowRulesInput {
  /** Every quote property definition (cells of columns the layout hides are still sent, so still checked). */
  properties: readonly Property[];
  /** The visible columns, for issue order and for where row warnings point. */
  columns: readonly ColumnDef[];
  /** Today as YYYY-MM-DD in the user's calendar; injected so tests and midnight do not surprise. */
  today: string;
  isMissing?: IsMissingRecord;
  /** Deals' currencies as the reference checks learned them: a quote's line items must be in its deal's. */
  dealCurrency?: DealCurrencyOf;
  /** The batch defaults: rows are checked with them applied (a default template is the row's template). */
  defaults?: BatchDefaults;
  /** Line-item rules; without them lines are not checked (tests of the quote rules alone). */
  lines?: LineRules;
  /** `cpq` portals need a contact, a deal and line items on every quote (FACTS.md); default `legacy`. */
  quoteSystem?: QuoteSystem;
}

/** Required by HubSpot to create a quote (FACTS.md), with the words that tell the user what to do. */
export const REQUIRED_PROPERTIES: readonly { key: ColumnKey; message: IssueMessage }[] = [
  { key: "hs_title", message: issue("required.title") },
  { key: "hs_expiration_date", message: issue("required.expiration") },
];

interface AssociationRule {
  check: CellCheck;
  target: AssociationTargetType;
}

const EMPTY: readonly CellIssue[] = Object.freeze([]);

/** The checks of one batch, compiled once from the property definitions; `checkRow` is the hot path. */
export class RowRules {
  private readonly propertyChecks = new Map<ColumnKey, CellCheck>();
  private readonly associationRules = new Map<ColumnKey, AssociationRule | null>();
  private readonly order = new Map<ColumnKey, number>();
  private readonly dealKey: ColumnKey | undefined;
  private readonly templateKey: ColumnKey | undefined;
  private readonly contactKey: ColumnKey | undefined;

  constructor(private readonly input: RowRulesInput) {
    for (const property of input.properties) {
      const format = propertyCheck(property);
      const base =
        property.type === "string" || property.type === "phone_number" ? outerSpaceCheck(format) : format;
      if (base === NO_PROBLEM && property.name !== "hs_expiration_date") continue;
      this.propertyChecks.set(
        property.name,
        property.name === "hs_expiration_date" ? notInThePast(base, input.today) : base,
      );
    }
    input.columns.forEach((column, index) => {
      this.order.set(column.key, index);
    });
    const firstOf = (target: AssociationTargetType) =>
      input.columns.find((c) => c.kind === "association" && c.association.toObjectType === target)?.key;
    this.dealKey = firstOf("deals");
    this.templateKey = firstOf("quote_template");
    this.contactKey = firstOf("contacts");
  }

  private associationRule(key: ColumnKey): AssociationRule | null {
    let rule = this.associationRules.get(key);
    if (rule === undefined) {
      const column = parseAssociationColumnKey(key);
      rule = column
        ? { check: associationCheck(column, this.input.isMissing), target: column.toObjectType }
        : null;
      this.associationRules.set(key, rule);
    }
    return rule;
  }

  /** Every problem of one row, ordered by column; an empty row (all cells empty) has none. */
  checkRow(row: BatchRow): readonly CellIssue[] {
    const own = row.cells;
    const cells = effectiveCells(row, this.input.defaults ?? NO_DEFAULTS, this.input.today);
    const issues: CellIssue[] = [];
    // A row is empty when the user put nothing in it: batch defaults alone do not make it a quote.
    let empty = row.lines.length === 0;
    if (empty) for (const key in own) if (own[key]) empty = false;
    let hasDeal = false;
    let hasTemplate = false;
    let hasContact = false;
    let deals: string | undefined;
    for (const key in cells) {
      const value = cells[key];
      if (value === undefined || value === "") continue;
      let check: CellCheck | undefined;
      if (isAssociationColumnKey(key)) {
        const rule = this.associationRule(key);
        if (!rule) continue;
        if (rule.target === "deals") {
          hasDeal = true;
          deals = deals === undefined ? value : `${deals};${value}`;
        } else if (rule.target === "quote_template") hasTemplate = true;
        else if (rule.target === "contacts") hasContact = true;
        check = rule.check;
      } else {
        check = this.propertyChecks.get(key);
      }
      const problem = check?.(value);
      if (problem) issues.push({ rowId: row.id, columnKey: key, ...problem });
    }
    if (empty) return EMPTY;
    for (const required of REQUIRED_PROPERTIES) {
      if ((cells[required.key] ?? "") === "") {
        issues.push({
          rowId: row.id,
          columnKey: required.key,
          severity: "error",
          message: required.message,
        });
      }
    }
    this.publishRules(row, { hasDeal, hasTemplate, hasContact }, issues);
    const mismatch = this.currencyMismatch(row, cells.hs_currency, deals);
    if (mismatch) issues.push(mismatch);
    if (this.input.lines) {
      const currency = cells.hs_currency || undefined;
      row.lines.forEach((line, position) => {
        for (const issue of this.input.lines?.check(row, line, position, currency, this.input.isMissing) ??
          [])
          issues.push(issue);
      });
    }
    if (issues.length === 0) return EMPTY;
    if (issues.length > 1) issues.sort((a, b) => this.position(a.columnKey) - this.position(b.columnKey));
    return issues;
  }

  /**
   * What publishing needs (a deal, a template, line items; in CPQ portals a contact too, and HubSpot insists
   * on them at create): errors when the batch publishes or the portal is CPQ, warnings otherwise.
   */
  private publishRules(
    row: BatchRow,
    has: { hasDeal: boolean; hasTemplate: boolean; hasContact: boolean },
    issues: CellIssue[],
  ): void {
    const cpq = this.input.quoteSystem === "cpq";
    const strict = cpq || this.input.defaults?.publish === true;
    const severity = strict ? "error" : "warning";
    // Why HubSpot needs it here: to create (CPQ), to publish as this batch does, or to publish at all.
    const why = cpq ? "cpq" : strict ? "publishing" : "publish";
    if (!has.hasDeal) {
      issues.push({
        rowId: row.id,
        columnKey: this.dealKey,
        severity,
        message: issue("publish.noDeal", { why }),
      });
    }
    if (!has.hasTemplate) {
      issues.push({
        rowId: row.id,
        columnKey: this.templateKey,
        severity,
        message: issue("publish.noTemplate", { why }),
      });
    }
    if (cpq && !has.hasContact) {
      issues.push({
        rowId: row.id,
        columnKey: this.contactKey,
        severity: "error",
        message: issue("publish.noContact"),
      });
    }
    if (this.input.lines && row.lines.length === 0) {
      issues.push({
        rowId: row.id,
        columnKey: undefined,
        severity,
        message: issue("publish.noLines", { strict: strict ? "yes" : "no" }),
      });
    }
  }

  /**
   * HubSpot keeps a quote in its deal's currency (FACTS.md): line items in the quote's currency (the row's or
   * the batch default) must be in the deal's. Checked once the reference checks know the deal's currency.
   */
  private currencyMismatch(
    row: BatchRow,
    quoteCurrency: string | undefined,
    deals: string | undefined,
  ): CellIssue | undefined {
    const currencyOf = this.input.dealCurrency;
    const currency = quoteCurrency?.trim().toUpperCase();
    if (!currencyOf || !currency || !deals || row.lines.length === 0) return undefined;
    for (const id of splitRecordIds(deals)) {
      const dealCurrency = currencyOf(id);
      if (!dealCurrency || dealCurrency === currency) continue;
      return {
        rowId: row.id,
        columnKey: "hs_currency",
        severity: "error",
        message: issue("deal.currency", {
          currency,
          dealCurrency,
          deal: id,
          lines: row.lines.length,
          source: (row.cells.hs_currency ?? "").trim() === "" ? "defaults" : "row",
        }),
      };
    }
    return undefined;
  }

  /** Where a column sits for ordering: visible columns in grid order, others after, row-level last. */
  position(key: ColumnKey | undefined): number {
    if (key === undefined) return Number.MAX_SAFE_INTEGER;
    return this.order.get(key) ?? Number.MAX_SAFE_INTEGER - 1;
  }
}
