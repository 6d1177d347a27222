import { useQuery } from "@tanstack/react-query";
import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from "react";
import { splitRecordIds } from "../../../domain/batch/columns.ts";
import { ASSOCIATION_TARGETS, type AssociationTargetType } from "../../../hubspot/association-catalogue.ts";
import { type Translate, useT } from "../../../i18n/use-t.ts";
import { describeApiError } from "../../../lib/api/api-error.ts";
import {
  type RecordSummary,
  resolveRecordsQuery,
  searchRecordsQuery,
} from "../../../lib/api/search-records.ts";
import { useRecordNames } from "./use-record-names.ts";
import "./panels.css";
import { ANCHORED_POPOVER, useAnchoredPopover } from "../../../ui/use-anchored-popover.ts";

export interface RecordLookupProps {
  objectType: AssociationTargetType;
  /** The cell value: record ids joined by ";". */
  value: string;
  onChange(value: string): void;
  /** Escape on a closed list: the grid cancels the edit. */
  onCancel?(): void;
  /** Several ids as chips (default for contacts and line items). */
  multiple?: boolean;
  /** The input's accessible name; default "Search deals" etc. */
  label?: string;
  autoFocus?: boolean;
  /** The search to start with (the character that opened a grid cell's editor). */
  initialTerm?: string;
  /** Search delay after the last keystroke (HubSpot allows 5 searches a second). */
  debounceMs?: number;
}

interface Option {
  id: string;
  name: string;
  detail?: string;
  disabled?: boolean;
}

const RECORD_ID = /^\d+$/;

function useDebounced(value: string, delay: number): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return debounced;
}

/**
 * A WAI-ARIA combobox that finds CRM records through the proxy and shows each one's name beside its id.
 * Typing a numeric id works too; an id HubSpot does not know is shown as "not found".
 */
export function RecordLookup({
  objectType,
  value,
  onChange,
  onCancel,
  multiple = objectType === "contacts" || objectType === "line_items",
  label,
  autoFocus,
  initialTerm = "",
  debounceMs = 250,
}: RecordLookupProps) {
  const target = ASSOCIATION_TARGETS[objectType];
  const t = useT();
  const noun = t(`object.${objectType}.noun`);
  const singular = t(`object.${objectType}.one`);
  const baseId = useId();
  const listId = `${baseId}-list`;
  const [term, setTerm] = useState(initialTerm);
  const [open, setOpen] = useState(initialTerm !== "");
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  // The list goes under the whole editor (chips, input and its "10 results" status), not over the status.
  const editorRef = useRef<HTMLDivElement>(null);
  const debounced = useDebounced(term.trim(), debounceMs);
  const selected = useMemo(() => splitRecordIds(value), [value]);
  const names = useRecordNames(objectType, selected);

  const typedId = RECORD_ID.test(debounced) ? debounced : undefined;
  const search = useQuery({ ...searchRecordsQuery(objectType, debounced), enabled: debounced !== "" });
  const typed = useQuery(resolveRecordsQuery(objectType, typedId ? [typedId] : []));

  const options = useMemo<Option[]>(() => {
    const list: Option[] = [];
    if (typedId) {
      const found = typed.data?.found.get(typedId);
      const missing = typed.data?.missing.includes(typedId) ?? false;
      list.push({
        id: typedId,
        name: found?.name ?? (missing ? t("lookup.notFound") : t("lookup.useId")),
        ...(found?.detail ? { detail: found.detail } : {}),
        disabled: missing,
      });
    }
    for (const record of search.data ?? []) {
      if (record.id !== typedId) list.push(optionOf(record));
    }
    return list;
  }, [typedId, typed.data, search.data, t]);

  useEffect(() => {
    const input = inputRef.current;
    if (!autoFocus || !input) return;
    input.focus();
    // After the character that opened the editor, so the next keystroke goes on from it.
    input.setSelectionRange(input.value.length, input.value.length);
  }, [autoFocus]);

  const choose = (option: Option | undefined) => {
    if (!option || option.disabled) return;
    const next = multiple ? [...selected.filter((id) => id !== option.id), option.id] : [option.id];
    onChange(next.join(";"));
    setTerm("");
    setOpen(false);
  };
  const remove = (id: string) => onChange(selected.filter((other) => other !== id).join(";"));

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const count = options.length;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!open) setOpen(true);
      else if (count > 0) setActive((i) => (i + (event.key === "ArrowDown" ? 1 : count - 1)) % count);
    } else if (event.key === "Enter") {
      event.preventDefault();
      const trimmed = term.trim();
      // An id typed and Enter pressed before the search answered: take it, the resolver checks it.
      if (RECORD_ID.test(trimmed) && (trimmed !== debounced || options.length === 0)) {
        choose({ id: trimmed, name: trimmed });
      } else if (expanded) choose(options[activeIndex]);
    } else if (event.key === "Escape") {
      event.preventDefault();
      if (open && term !== "") setOpen(false);
      else onCancel?.();
    } else if (event.key === "Backspace" && term === "" && multiple && selected.length > 0) {
      remove(selected[selected.length - 1] ?? "");
    }
  };

  const expanded = open && debounced !== "" && term.trim() !== "";
  useAnchoredPopover(editorRef, listRef, expanded);
  const activeIndex = Math.min(active, Math.max(options.length - 1, 0));
  const activeOption = expanded ? options[activeIndex] : undefined;
  const status = statusText({
    expanded,
    term: debounced,
    count: options.length,
    noun,
    singular,
    search,
    typedMissing: options[0]?.disabled === true,
    t,
  });

  return (
    <div ref={editorRef} className="composer-lookup">
      {selected.length > 0 ? (
        <ul
          className="composer-lookup__chips"
          aria-label={t("lookup.chosen", { objects: t(`object.${objectType}.nouns`) })}
        >
          {selected.map((id) => {
            const record = names.records.get(id);
            const missing = names.missing.has(id);
            const text = record
              ? t("lookup.chip", { name: record.name, id })
              : missing
                ? t("lookup.chipMissing", { id })
                : id;
            return (
              <li
                key={id}
                className={
                  missing ? "composer-lookup__chip composer-lookup__chip--missing" : "composer-lookup__chip"
                }
              >
                <span>{text}</span>
                <button
                  type="button"
                  aria-label={t("lookup.remove", { object: t(`object.${objectType}.one`), id })}
                  onClick={() => remove(id)}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
      <input
        ref={inputRef}
        type="text"
        role="combobox"
        aria-label={label ?? t("lookup.search", { objects: t(`object.${objectType}.nouns`) })}
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeOption ? `${listId}-${activeOption.id}` : undefined}
        placeholder={t("lookup.placeholder", { secondary: target.secondaryProperty ?? "none" })}
        value={term}
        onChange={(event) => {
          setTerm(event.target.value);
          setActive(0);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      />
      <div
        ref={listRef}
        popover={ANCHORED_POPOVER}
        id={listId}
        role="listbox"
        aria-label={t("lookup.results", { object: t(`object.${objectType}.one`) })}
        hidden={!expanded}
        className="composer-lookup__list"
      >
        {expanded
          ? options.map((option, index) => (
              <div
                key={option.id}
                id={`${listId}-${option.id}`}
                role="option"
                aria-selected={index === activeIndex}
                aria-disabled={option.disabled || undefined}
                className="composer-lookup__option"
                onMouseDown={(event) => event.preventDefault()}
                tabIndex={-1}
                onClick={() => choose(option)}
                onKeyDown={(event) => {
                  if (event.key === "Enter") choose(option);
                }}
              >
                <span>{option.name}</span> <span className="composer-muted">{option.id}</span>
                {option.detail ? <span className="composer-muted"> · {option.detail}</span> : null}
              </div>
            ))
          : null}
      </div>
      <p className="composer-lookup__status composer-muted" role="status">
        {status}
      </p>
    </div>
  );
}

function optionOf(record: RecordSummary): Option {
  return record.detail
    ? { id: record.id, name: record.name, detail: record.detail }
    : { id: record.id, name: record.name };
}

function statusText(input: {
  expanded: boolean;
  term: string;
  count: number;
  noun: string;
  singular: string;
  search: { isFetching: boolean; isError: boolean; error: unknown };
  typedMissing: boolean;
  t: Translate;
}): string {
  const { t } = input;
  if (!input.expanded) return "";
  if (input.search.isError) return describeApiError(input.search.error, t);
  if (input.typedMissing) return t("lookup.idNotFound", { object: input.singular, id: input.term });
  if (input.search.isFetching && input.count === 0) return t("lookup.searching");
  if (input.count === 0) return t("lookup.noMatch", { noun: input.noun, term: input.term });
  return t("lookup.count", { count: input.count });
}
