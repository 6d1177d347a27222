import { useQuery } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { useFormat } from "../../../i18n/language-provider.tsx";
import { useT } from "../../../i18n/use-t.ts";
import { describeApiError } from "../../../lib/api/api-error.ts";
import { type ProductSummary, searchProductsQuery } from "../../../lib/api/search-products.ts";
import type { ProductDirectory } from "../../../lib/products/product-directory.ts";
import type { EditMove, EditorProps } from "../grid/editor-keys.ts";
import { useKeepInGrid } from "../grid/keep-in-grid.ts";
import { productLabel } from "./product-label.ts";

/** HubSpot's search allows 5 requests a second: wait for a pause in typing. */
const DEBOUNCE_MS = 200;
const PRODUCT_ID = /^\d+$/;

function useDebounced(value: string): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [value]);
  return debounced;
}

/**
 * The product cell's editor: a combobox that searches the product library by name or SKU as you type.
 * Enter takes the highlighted product and moves down, Tab takes it and moves right, Escape cancels; a typed
 * product id is taken as it is; an emptied box clears the cell.
 */
export function ProductEditor(props: EditorProps & { directory: ProductDirectory }) {
  const { value, seed, onCommit, onCancel, directory } = props;
  const current = directory.product(value);
  const t = useT();
  const format = useFormat();
  const [text, setText] = useState(seed ?? (current ? current.name : value));
  const [active, setActive] = useState(0);
  const term = useDebounced(text);
  const searching = text.trim() !== "" && text !== current?.name && !PRODUCT_ID.test(text.trim());
  const query = useQuery({ ...searchProductsQuery(term), enabled: searching && term.trim() !== "" });
  const options = searching ? (query.data ?? []) : [];
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  const popover = useKeepInGrid<HTMLDivElement>();

  useEffect(() => {
    const element = input.current;
    if (!element) return;
    element.focus({ preventScroll: true });
    element.setSelectionRange(element.value.length, element.value.length);
  }, []);
  // A new list of results starts at its first product.
  const resultsKey = `${term}\u0001${options.length}`;
  const [seenKey, setSeenKey] = useState(resultsKey);
  if (seenKey !== resultsKey) {
    setSeenKey(resultsKey);
    setActive(0);
  }

  const pick = (product: ProductSummary | undefined, move: EditMove) => {
    if (product) {
      directory.remember(product);
      onCommit(product.id, move);
      return;
    }
    const typed = text.trim();
    if (typed === "") onCommit("", move);
    else if (typed === current?.name) onCommit(value, move);
    else if (PRODUCT_ID.test(typed)) onCommit(typed, move);
    // Free text that matched nothing stays in the cell, where validation explains it.
    else onCommit(typed, move);
  };

  const status = !searching
    ? undefined
    : query.isError
      ? t("products.searchFailed", { error: describeApiError(query.error, t) })
      : query.isPending || term !== text
        ? t("products.searching")
        : options.length === 0
          ? t("products.noMatch", { text: text.trim() })
          : undefined;

  return (
    <div
      ref={popover}
      className="composer-editor__popover line-product-editor"
      onPointerDown={(e) => e.stopPropagation()}
    >
      <input
        ref={input}
        data-editor-value
        role="combobox"
        aria-label={props.name ?? t("products.product")}
        aria-expanded={options.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={options[active] ? `${listId}-${active}` : undefined}
        className="composer-editor__input"
        placeholder={t("products.placeholder")}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.nativeEvent.isComposing) return;
          event.stopPropagation();
          if (event.key === "ArrowDown" || event.key === "ArrowUp") {
            event.preventDefault();
            const step = event.key === "ArrowDown" ? 1 : -1;
            setActive((at) => Math.max(0, Math.min(options.length - 1, at + step)));
          } else if (event.key === "Enter") {
            event.preventDefault();
            pick(options[active], event.shiftKey ? "up" : "down");
          } else if (event.key === "Tab") {
            event.preventDefault();
            pick(options[active], event.shiftKey ? "left" : "right");
          } else if (event.key === "Escape") {
            event.preventDefault();
            onCancel();
          }
        }}
      />
      <div id={listId} role="listbox" aria-label={t("products.list")} className="line-product-editor__list">
        {options.map((product, index) => (
          <div
            key={product.id}
            id={`${listId}-${index}`}
            role="option"
            tabIndex={-1}
            aria-selected={index === active}
            className="line-product-editor__option"
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => pick(product, "none")}
            onKeyDown={(event) => {
              if (event.key === "Enter") pick(product, "none");
            }}
          >
            {productLabel(product, t, format)}
          </div>
        ))}
      </div>
      {status ? (
        <p className="composer-editor__hint" role="status">
          {status}
        </p>
      ) : null}
    </div>
  );
}
