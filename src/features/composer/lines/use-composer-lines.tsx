import { type KeyboardEvent, type ReactNode, type RefObject, useMemo, useRef, useState } from "react";
import type { BatchStore } from "../../../domain/batch/batch-store.ts";
import { resolveDefault } from "../../../domain/batch/defaults.ts";
import type { BatchRow } from "../../../domain/batch/row.ts";
import type { CellRange } from "../../../domain/grid/selection.ts";
import type { CellIssue } from "../../../domain/validation/issue.ts";
import { localToday } from "../../../domain/validation/today.ts";
import { type Translate, useIntlOrEnglish } from "../../../i18n/use-t.ts";
import { useBatchSnapshot } from "../../../lib/batch-store-context.tsx";
import type { ProductDirectory } from "../../../lib/products/product-directory.ts";
import { Button } from "../../../ui/button.tsx";
import { DefaultsPanel } from "./defaults-panel.tsx";
import { type LineJump, LinesPanel } from "./lines-panel.tsx";
import { quoteSummary } from "./quote-summary.ts";
import type { LineColumns } from "./use-line-columns.ts";
import { useMoneyContext } from "./use-money-context.ts";
import { useProductsVersion } from "./use-products.ts";

export interface ComposerLines {
  /** For the quote grid: the line count and total beside each row number. */
  rowSummary: { header: string; width: number; text(row: BatchRow): string };
  /** For the quote grid: batch defaults in grey in empty cells. */
  placeholderFor(key: string): string | undefined;
  /** The "Batch defaults" toggle for the toolbar row. */
  defaultsButton: ReactNode;
  defaultsPanel: ReactNode;
  linesPanel: ReactNode;
  /** On the composer body: F6 moves between the quote grid and the line grid. */
  onKeyDown(event: KeyboardEvent): void;
  directory: ProductDirectory;
}

/**
 * Everything the composer page needs for line items and batch defaults, in one hook so the page stays a
 * layout: the quote grid's summary column and placeholders, and the two panels.
 */
export function useComposerLines(options: {
  store: BatchStore;
  range: CellRange;
  quoteGridRef: RefObject<HTMLDivElement | null>;
  directory: ProductDirectory;
  lineColumns: LineColumns;
  issueForLine(rowId: string, lineId: string, key: string): CellIssue | undefined;
  /** Bumps when issues change, so the line grid shows new ones. */
  validationVersion: number;
  jump?: LineJump | undefined;
}): ComposerLines {
  const { store, range, quoteGridRef, directory } = options;
  const snapshot = useBatchSnapshot();
  // Stable across renders (useT's is not): the quote grid's rows re-render only when the summary changes.
  const intl = useIntlOrEnglish();
  const t = useMemo<Translate>(() => (id, values) => intl.formatMessage({ id }, values), [intl]);
  const productsVersion = useProductsVersion(directory);
  const money = useMoneyContext();
  const lineGridRef = useRef<HTMLDivElement>(null);
  const [defaultsOpen, setDefaultsOpen] = useState(false);
  const defaults = snapshot.defaults;

  // biome-ignore lint/correctness/useExhaustiveDependencies: productsVersion means prices arrived, so totals change
  const rowSummary = useMemo(
    () => ({
      header: t("lines.summaryHeader"),
      width: 132,
      text: (row: BatchRow) => quoteSummary(row, defaults, directory.price, t, money),
    }),
    [defaults, directory, productsVersion, t, money],
  );
  const placeholderFor = useMemo(() => {
    const today = localToday();
    return (key: string) => {
      const value = defaults.cells[key];
      return value ? resolveDefault(key, value, today) : undefined;
    };
  }, [defaults]);

  const setCount = Object.keys(defaults.cells).length + (defaults.publish ? 1 : 0);
  const defaultsButton = (
    <Button aria-expanded={defaultsOpen} onClick={() => setDefaultsOpen((open) => !open)}>
      {setCount === 0 ? t("defaults.button") : t("defaults.buttonSet", { count: setCount })}
    </Button>
  );
  const defaultsPanel = defaultsOpen ? (
    <DefaultsPanel store={store} defaults={defaults} onClose={() => setDefaultsOpen(false)} />
  ) : null;

  const rows = snapshot.rows;
  const top = Math.min(range.top, rows.length - 1);
  const bottom = Math.min(range.bottom, rows.length - 1);
  const linesPanel = (
    <LinesPanel
      store={store}
      rows={rows}
      defaults={defaults}
      top={Math.max(0, top)}
      bottom={Math.max(0, bottom)}
      lineColumns={options.lineColumns}
      issueForLine={options.issueForLine}
      validationVersion={options.validationVersion}
      gridRef={lineGridRef}
      onLeave={() => quoteGridRef.current?.focus()}
      jump={options.jump}
    />
  );

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== "F6" || event.target !== quoteGridRef.current) return;
    event.preventDefault();
    lineGridRef.current?.focus();
  };

  return {
    rowSummary,
    placeholderFor,
    defaultsButton,
    defaultsPanel,
    linesPanel,
    onKeyDown,
    directory,
  };
}
