import type { Property } from "../../hubspot/properties.ts";
import type { BatchRow, LineRow } from "../batch/row.ts";
import { LINE_KEYS } from "../lines/line-columns.ts";
import { type CellCheck, type IsMissingRecord, NO_PROBLEM, propertyCheck } from "./cell-checks.ts";
import { type CellIssue, type IssueMessage, issue } from "./issue.ts";

export interface LineRulesInput {
  /** The portal's line-item property definitions (types and options of the line cells). */
  properties: readonly Property[];
}

const PRODUCT_ID = /^\d+$/;

function number(text: string): number | undefined {
  if (text.trim() === "") return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

type LineProblem = { key: string; severity: "error" | "warning"; message: IssueMessage };

/**
 * HubSpot's rules for one line item, checked before anything is sent: the product exists, quantity > 0,
 * unit price ≥ 0, discount 0–100, values fit their property definitions, and the line's currency is the
 * quote's. Compiled once per batch; `check` is called for every line of a touched quote row.
 */
export class LineRules {
  private readonly checks = new Map<string, CellCheck>();

  constructor(input: LineRulesInput) {
    for (const property of input.properties) {
      const check = propertyCheck(property);
      if (check !== NO_PROBLEM) this.checks.set(property.name, check);
    }
  }

  /** `isMissing`: the ids the reference checker found missing (products are checked with the records). */
  check(
    row: BatchRow,
    line: LineRow,
    position: number,
    quoteCurrency: string | undefined,
    isMissing?: IsMissingRecord,
  ): CellIssue[] {
    const problems: LineProblem[] = [];
    const cells = line.cells;
    const product = (cells[LINE_KEYS.product] ?? "").trim();
    const name = (cells[LINE_KEYS.name] ?? "").trim();
    if (product === "" && name === "") {
      problems.push({
        key: LINE_KEYS.product,
        severity: "error",
        message: issue("line.noProduct"),
      });
    } else if (product !== "" && !PRODUCT_ID.test(product)) {
      problems.push({
        key: LINE_KEYS.product,
        severity: "error",
        message: issue("line.productText", { text: product }),
      });
    } else if (product !== "" && isMissing?.("products", product)) {
      problems.push({
        key: LINE_KEYS.product,
        severity: "error",
        message: issue("line.productMissing", { id: product }),
      });
    }

    const quantityText = cells[LINE_KEYS.quantity] ?? "";
    const quantity = number(quantityText);
    if (quantityText.trim() === "") {
      problems.push({
        key: LINE_KEYS.quantity,
        severity: "error",
        message: issue("line.noQuantity"),
      });
    } else if (quantity === undefined || quantity <= 0) {
      problems.push({
        key: LINE_KEYS.quantity,
        severity: "error",
        message: issue("line.quantity", { value: quantityText }),
      });
    }

    const priceText = cells[LINE_KEYS.price] ?? "";
    const price = number(priceText);
    if (priceText.trim() !== "" && (price === undefined || price < 0)) {
      problems.push({
        key: LINE_KEYS.price,
        severity: "error",
        message: issue("line.price", { value: priceText }),
      });
    } else if (priceText.trim() === "" && product === "" && name !== "") {
      problems.push({
        key: LINE_KEYS.price,
        severity: "error",
        message: issue("line.priceNeeded"),
      });
    }

    for (const key of [LINE_KEYS.discount, LINE_KEYS.discountPercentage]) {
      const text = cells[key] ?? "";
      if (text.trim() === "") continue;
      const value = number(text);
      if (value === undefined || value < 0 || value > 100) {
        problems.push({
          key,
          severity: "error",
          message: issue("line.discount", { value: text }),
        });
      }
    }

    const currency = (cells[LINE_KEYS.currency] ?? "").trim().toUpperCase();
    if (currency !== "" && quoteCurrency && currency !== quoteCurrency.trim().toUpperCase()) {
      problems.push({
        key: LINE_KEYS.currency,
        severity: "error",
        message: issue("line.currency", { currency, quoteCurrency: quoteCurrency.toUpperCase() }),
      });
    }

    const reported = new Set(problems.map((problem) => problem.key));
    for (const key in cells) {
      const value = cells[key];
      if (!value || reported.has(key)) continue;
      const problem = this.checks.get(key)?.(value);
      if (problem) problems.push({ key, ...problem });
    }

    return problems.map((problem) => ({
      rowId: row.id,
      lineId: line.id,
      columnKey: problem.key,
      severity: problem.severity,
      message: { ...problem.message, line: position + 1 },
    }));
  }
}
