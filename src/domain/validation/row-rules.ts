import type { AssociationTargetType } from "../../hubspot/association-catalogue.ts";
import type { Property } from "../../hubspot/properties.ts";
import { type ColumnKey, isAssociationColumnKey, parseAssociationColumnKey } from "../batch/columns.ts";
import type { BatchRow } from "../batch/row.ts";
import type { ColumnDef } from "../columns/column-def.ts";
import {
  associationCheck,
  type CellCheck,
  type IsMissingRecord,
  NO_PROBLEM,
  notInThePast,
  outerSpaceCheck,
  propertyCheck,
} from "./cell-checks.ts";
import type { CellIssue } from "./issue.ts";

export interface RowRulesInput {
  /** Every quote property definition (cells of columns the layout hides are still sent, so still checked). */
  properties: readonly Property[];
  /** The visible columns, for issue order and for where row warnings point. */
  columns: readonly ColumnDef[];
  /** Today as YYYY-MM-DD in the user's calendar; injected so tests and midnight do not surprise. */
  today: string;
  isMissing?: IsMissingRecord;
}

/** Required by HubSpot to create a quote (FACTS.md), with the words that tell the user what to do. */
export const REQUIRED_PROPERTIES: readonly { key: ColumnKey; message: string }[] = [
  { key: "hs_title", message: "Enter a quote name: every quote needs one." },
  { key: "hs_expiration_date", message: "Enter an expiration date (YYYY-MM-DD): every quote needs one." },
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
    const cells = row.cells;
    const issues: CellIssue[] = [];
    let empty = true;
    let hasDeal = false;
    let hasTemplate = false;
    for (const key in cells) {
      const value = cells[key];
      if (value === undefined || value === "") continue;
      empty = false;
      let check: CellCheck | undefined;
      if (isAssociationColumnKey(key)) {
        const rule = this.associationRule(key);
        if (!rule) continue;
        if (rule.target === "deals") hasDeal = true;
        else if (rule.target === "quote_template") hasTemplate = true;
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
    if (!hasDeal) {
      issues.push({
        rowId: row.id,
        columnKey: this.dealKey,
        severity: "warning",
        message: "No deal: HubSpot needs one to publish this quote. Add the deal's id or search for it.",
      });
    }
    if (!hasTemplate) {
      issues.push({
        rowId: row.id,
        columnKey: this.templateKey,
        severity: "warning",
        message: "No quote template: HubSpot needs one to publish this quote. Pick a template.",
      });
    }
    if (issues.length === 0) return EMPTY;
    if (issues.length > 1) issues.sort((a, b) => this.position(a.columnKey) - this.position(b.columnKey));
    return issues;
  }

  /** Where a column sits for ordering: visible columns in grid order, others after, row-level last. */
  position(key: ColumnKey | undefined): number {
    if (key === undefined) return Number.MAX_SAFE_INTEGER;
    return this.order.get(key) ?? Number.MAX_SAFE_INTEGER - 1;
  }
}
