import { createLine, createRow } from "../domain/batch/row.ts";
import type { ColumnDef } from "../domain/columns/column-def.ts";
import type { AppServices } from "../lib/services/app-services.ts";

declare global {
  interface Window {
    __qbc?: {
      loadRows(count: number, options?: LoadOptions): number;
      rowCount(): number;
      columnKeys(): string[];
    };
  }
}

export interface LoadOptions {
  /** Existing record ids by object type for association cells; without them those cells stay empty. */
  ids?: Partial<Record<string, readonly string[]>>;
  /** Line items per row (product from `ids.products`, quantity, unit price), for the line-item bench. */
  linesPerRow?: number;
}

/** Sample values that pass validation for each kind of column, so benches measure a realistic grid. */
function sample(column: ColumnDef, i: number, options: LoadOptions): string {
  if (column.kind === "association") {
    const ids = options.ids?.[column.association.toObjectType] ?? [];
    return ids.length === 0 ? "" : (ids[i % ids.length] ?? "");
  }
  const { property } = column;
  if (property.name === "hs_title") return `Quote ${i + 1}`;
  if (property.type === "date") return "2030-12-31";
  if (property.type === "datetime") return "2030-12-31T12:00:00.000Z";
  if (property.type === "number") return String((i * 7) % 1000);
  if (property.type === "bool") return i % 2 === 0 ? "true" : "false";
  if (property.type === "enumeration")
    return property.options[i % Math.max(1, property.options.length)]?.value ?? "";
  return `${property.label} ${i}`;
}

/**
 * `window.__qbc` for benches and e2e only: src/main.tsx loads this module (a chunk of its own, never in the
 * app's initial bundle) only when the page URL has `?qbc-test-hooks`, so a user cannot replace their batch
 * by accident. `loadRows(n)` fills every visible column (the columns the composer gave validation) and, to
 * reach a realistic width, extra `bench_extra_*` cells up to 20 columns.
 */
export function installTestHooks(services: AppServices): () => void {
  // Installed once the composer has its columns, so a bench that waits for `__qbc` gets real ones.
  if (services.validation.columns.length > 0) return install(services);
  let uninstall: (() => void) | undefined;
  const stop = services.validation.subscribe(() => {
    if (uninstall || services.validation.columns.length === 0) return;
    uninstall = install(services);
  });
  return () => {
    stop();
    uninstall?.();
  };
}

function install(services: AppServices): () => void {
  const store = services.batch;
  const columns = () => services.validation.columns;
  window.__qbc = {
    loadRows(count, options = {}) {
      const visible = columns();
      const rows = Array.from({ length: count }, (_, i) => {
        const cells: Record<string, string> = {};
        for (const column of visible) cells[column.key] = sample(column, i, options);
        for (let extra = visible.length; extra < 20; extra += 1) cells[`bench_extra_${extra}`] = `x${i}`;
        const products = options.ids?.products ?? [];
        const lines = Array.from({ length: options.linesPerRow ?? 0 }, (_, l) =>
          createLine(
            {
              ...(products.length > 0
                ? { hs_product_id: products[(i + l) % products.length] ?? "" }
                : { name: `Item ${l + 1}`, price: "10" }),
              quantity: String(1 + ((i + l) % 5)),
            },
            `bench-${i}-${l}`,
          ),
        );
        return createRow(cells, `bench-${i}`, lines);
      });
      store.load(rows);
      return rows.length;
    },
    rowCount: () => store.rows.length,
    columnKeys: () => columns().map((column) => column.key),
  };
  return () => {
    delete window.__qbc;
  };
}
