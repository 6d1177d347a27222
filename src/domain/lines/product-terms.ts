import type { BatchOperation } from "../batch/operations.ts";
import type { BatchRow, LineRow } from "../batch/row.ts";
import { LINE_KEYS } from "./line-columns.ts";

/** A product as far as matching a typed name or SKU needs it. */
export interface ProductCandidate {
  id: string;
  name: string;
  sku: string | undefined;
}

/** What a name or SKU in a product cell means: one product, several (the user must pick), or none. */
export type ProductMatch =
  | { kind: "found"; id: string }
  | { kind: "ambiguous"; count: number }
  | { kind: "none" };

const PRODUCT_ID = /^\d+$/;

/** How names and SKUs compare: NFKC (full-width "ＷＩＤＧＥＴ" is "WIDGET"), trimmed, case-insensitive. */
export function productTermKey(text: string): string {
  return text.normalize("NFKC").trim().toLowerCase();
}

/** A product cell that holds a name or SKU rather than a product id (an id is all digits). */
function termOf(cells: Readonly<Record<string, string>>): string | undefined {
  const value = (cells[LINE_KEYS.product] ?? "").trim();
  return value === "" || PRODUCT_ID.test(value) ? undefined : value;
}

/**
 * Every distinct name or SKU in the product cells of an operation (a paste into the line grid): what must be
 * looked up before the paste is applied, so the lines get product ids and the paste stays one undo step.
 */
export function productTermsInOperation(operation: BatchOperation): string[] {
  const terms = new Set<string>();
  visitLineCells(operation, (cells) => {
    const term = termOf(cells);
    if (term) terms.add(term);
    return cells;
  });
  return [...terms];
}

/** Every distinct name or SKU in the product cells of rows' lines (an imported file). */
export function productTermsInRows(rows: readonly BatchRow[]): string[] {
  const terms = new Set<string>();
  for (const row of rows)
    for (const line of row.lines) {
      const term = termOf(line.cells);
      if (term) terms.add(term);
    }
  return [...terms];
}

/**
 * Matches terms against the products a search returned. A SKU is unique in practice, so an exact SKU match
 * wins; otherwise an exact name; two products of one name are ambiguous (never guessed: a wrong product
 * means a wrong price on a quote a customer sees).
 */
export function matchProductTerms(
  terms: readonly string[],
  candidates: readonly ProductCandidate[],
): Map<string, ProductMatch> {
  const bySku = new Map<string, ProductCandidate[]>();
  const byName = new Map<string, ProductCandidate[]>();
  const add = (map: Map<string, ProductCandidate[]>, key: string, product: ProductCandidate) => {
    const list = map.get(key) ?? [];
    if (!list.some((known) => known.id === product.id)) list.push(product);
    map.set(key, list);
  };
  for (const product of candidates) {
    if (product.sku) add(bySku, productTermKey(product.sku), product);
    add(byName, productTermKey(product.name), product);
  }
  const matches = new Map<string, ProductMatch>();
  for (const term of terms) {
    const key = productTermKey(term);
    const hits = bySku.get(key)?.length === 1 ? bySku.get(key) : (bySku.get(key) ?? byName.get(key));
    if (!hits || hits.length === 0) matches.set(term, { kind: "none" });
    else if (hits.length === 1 && hits[0]) matches.set(term, { kind: "found", id: hits[0].id });
    else matches.set(term, { kind: "ambiguous", count: hits.length });
  }
  return matches;
}

function withId(
  cells: Readonly<Record<string, string>>,
  matches: ReadonlyMap<string, ProductMatch>,
): Readonly<Record<string, string>> {
  const term = termOf(cells);
  const match = term === undefined ? undefined : matches.get(term);
  return match?.kind === "found" ? { ...cells, [LINE_KEYS.product]: match.id } : cells;
}

/** The operation with every matched name or SKU replaced by its product id; unmatched ones stay as typed. */
export function withProductIds(
  operation: BatchOperation,
  matches: ReadonlyMap<string, ProductMatch>,
): BatchOperation {
  return visitLineCells(operation, (cells) => withId(cells, matches));
}

/** Rows whose lines' matched names or SKUs are replaced by product ids (rows without such lines are kept). */
export function rowsWithProductIds(
  rows: readonly BatchRow[],
  matches: ReadonlyMap<string, ProductMatch>,
): BatchRow[] {
  return rows.map((row) => {
    if (!row.lines.some((line) => termOf(line.cells) !== undefined)) return row;
    const lines = row.lines.map((line) => {
      const cells = withId(line.cells, matches);
      return cells === line.cells ? line : { ...line, cells };
    });
    return { ...row, lines };
  });
}

type CellsMap = (cells: Readonly<Record<string, string>>) => Readonly<Record<string, string>>;

function visitLine(line: LineRow, map: CellsMap): LineRow {
  const cells = map(line.cells);
  return cells === line.cells ? line : { ...line, cells };
}

function visitLineCells(operation: BatchOperation, map: CellsMap): BatchOperation {
  switch (operation.type) {
    case "set-cells":
      return {
        type: "set-cells",
        edits: operation.edits.map((edit) => {
          if (edit.lineId === undefined || edit.key !== LINE_KEYS.product) return edit;
          const cells = map({ [LINE_KEYS.product]: edit.value });
          return { ...edit, value: cells[LINE_KEYS.product] ?? edit.value };
        }),
      };
    case "insert-lines":
      return {
        ...operation,
        inserts: operation.inserts.map((insert) => ({ ...insert, line: visitLine(insert.line, map) })),
      };
    case "sequence":
      return { type: "sequence", operations: operation.operations.map((op) => visitLineCells(op, map)) };
    default:
      return operation;
  }
}
