import { performance } from "node:perf_hooks";
import { BatchStore } from "../src/domain/batch/batch-store.ts";
import { createRow } from "../src/domain/batch/row.ts";
import { availableColumns } from "../src/domain/columns/build-columns.ts";
import { applyLayout } from "../src/domain/columns/layout.ts";
import { property, QUOTE_PROPERTIES } from "../src/domain/columns/property-fixtures.ts";
import { BatchValidator } from "../src/domain/validation/batch-validator.ts";
import { RowRules } from "../src/domain/validation/row-rules.ts";
import { percentile, printReport, round } from "./lib/app-server.ts";

/**
 * Validation speed, pure Node (no browser): full validation of 10,000 rows × 20 columns and one-row
 * revalidation after an edit. Targets from issue 3: < 200 ms and < 2 ms.
 */
const ROWS = 10_000;
const extra = Array.from({ length: 6 }, (_, i) =>
  property({ name: `custom_${i}`, type: i % 2 ? "number" : "string" }),
);
const properties = [...QUOTE_PROPERTIES, ...extra];
const columns = applyLayout(availableColumns(properties, {}), [
  "hs_status",
  "hs_currency",
  "hs_language",
  "hs_comments",
  "hs_discount",
  "hs_sent_at",
  "hs_esign_enabled",
  "hs_phone",
  "hs_payment_methods",
  ...extra.map((p) => p.name),
  "assoc:deals:HUBSPOT_DEFINED:64",
  "assoc:quote_template:HUBSPOT_DEFINED:286",
  "assoc:contacts:HUBSPOT_DEFINED:69",
]);

function cellsFor(i: number): Record<string, string> {
  const cells: Record<string, string> = {
    hs_title: `Quote ${i}`,
    hs_expiration_date: i % 50 === 0 ? "2020-01-01" : "2027-06-30",
    hs_status: i % 97 === 0 ? "Draft" : "DRAFT",
    hs_currency: "USD",
    hs_language: "en",
    hs_comments: "Thanks for your business",
    hs_discount: i % 31 === 0 ? "ten" : String(i % 20),
    hs_sent_at: "2026-12-01T10:00:00Z",
    hs_esign_enabled: "true",
    hs_phone: "+1 555 0100",
    hs_payment_methods: "CARD;ACH",
    "assoc:deals:HUBSPOT_DEFINED:64": String(1000 + i),
    "assoc:quote_template:HUBSPOT_DEFINED:286": i % 10 === 0 ? "" : "7",
    "assoc:contacts:HUBSPOT_DEFINED:69": `${i};${i + 1}`,
  };
  for (const p of extra) cells[p.name] = p.type === "number" ? String(i) : `text ${i}`;
  return cells;
}

const store = new BatchStore(Array.from({ length: ROWS }, (_, i) => createRow(cellsFor(i), `row-${i}`)));
const cellCount = Object.keys(store.rows[0]?.cells ?? {}).length;
const rules = new RowRules({ properties, columns, today: "2026-11-29" });

const fullRuns: number[] = [];
let validator = new BatchValidator(rules);
for (let run = 0; run < 7; run += 1) {
  validator = new BatchValidator(rules);
  const start = performance.now();
  validator.revalidate(store.rows, { touched: "all", removed: [] });
  validator.all();
  fullRuns.push(performance.now() - start);
}

const oneRow: number[] = [];
for (let edit = 0; edit < 500; edit += 1) {
  const rowId = `row-${(edit * 7919) % ROWS}`;
  const value = edit % 3 === 0 ? "abc" : String(edit);
  store.apply({ type: "set-cells", edits: [{ rowId, key: "hs_discount", value }] });
  // Time only the validator's share of the edit: what the subscription does for one touched row.
  const start = performance.now();
  validator.revalidate(store.rows, { touched: new Set([rowId]), removed: [] });
  validator.counts();
  oneRow.push(performance.now() - start);
}

const fullMedian = percentile(fullRuns.slice(2), 50);
const oneMedian = percentile(oneRow, 50);
const oneP95 = percentile(oneRow, 95);
printReport({
  name: "validation",
  figures: {
    rows: ROWS,
    cellsPerRow: cellCount,
    fullValidationMs: round(fullMedian),
    fullValidationFirstRunMs: round(fullRuns[0] ?? Number.NaN),
    oneRowRevalidationMedianMs: round(oneMedian, 4),
    oneRowRevalidationP95Ms: round(oneP95, 4),
    counts: validator.counts(),
  },
  targets: { fullValidationMs: "< 200", oneRowRevalidationP95Ms: "< 2" },
  pass: fullMedian < 200 && oneP95 < 2,
});
