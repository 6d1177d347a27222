import { useQuery } from "@tanstack/react-query";
import { useEffect, useId, useState } from "react";
import type { BatchStore, EditLabel } from "../../../domain/batch/batch-store.ts";
import { associationColumnKey } from "../../../domain/batch/columns.ts";
import type { BatchDefaults } from "../../../domain/batch/defaults.ts";
import { relativeDays } from "../../../domain/batch/defaults.ts";
import { normalizeDate } from "../../../domain/grid/editor-input.ts";
import { isIsoDate } from "../../../hubspot/codecs.ts";
import type { Property } from "../../../hubspot/properties.ts";
import type { MessageId } from "../../../i18n/messages.ts";
import { useT } from "../../../i18n/use-t.ts";
import { quotePropertiesQuery } from "../../../lib/api/get-quote-properties.ts";
import { quoteSystemQuery } from "../../../lib/api/get-quote-system.ts";
import { quoteTemplatesQuery } from "../../../lib/api/get-quote-templates.ts";
import { Button } from "../../../ui/button.tsx";
import { browserNormalizeContext } from "../grid/cell-format.ts";

/** The template column's key: the quote → quote template association (type 286). */
export const TEMPLATE_KEY = associationColumnKey({
  toObjectType: "quote_template",
  category: "HUBSPOT_DEFINED",
  typeId: 286,
});

// Labelled by the portal's own property label; these are the fallback while the properties load.
const CHOICES: readonly { key: string; label: MessageId }[] = [
  { key: "hs_status", label: "defaults.status" },
  { key: "hs_currency", label: "defaults.currency" },
  { key: "hs_language", label: "defaults.language" },
];

/** An expiration default as stored: a date (YYYY-MM-DD) or "+N days"; undefined when it is neither. */
export function readExpiration(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return "";
  const days = relativeDays(trimmed);
  if (days !== undefined) return `+${days} days`;
  const date = normalizeDate(trimmed, browserNormalizeContext);
  return isIsoDate(date) ? date : undefined;
}

/**
 * Values for every quote that leaves the field empty: template, expiration (a date or "+30 days"), status,
 * currency, language, and whether the submission publishes the quotes. Each change is one undo step and is
 * saved with the draft; the grid shows these values in grey in empty cells.
 */
export function DefaultsPanel({
  store,
  defaults,
  onClose,
}: {
  store: BatchStore;
  defaults: BatchDefaults;
  onClose(): void;
}) {
  const properties = useQuery(quotePropertiesQuery());
  const templates = useQuery(quoteTemplatesQuery());
  const cpq = useQuery(quoteSystemQuery()).data === "cpq";
  const id = useId();
  const t = useT();
  const [expiration, setExpiration] = useState(defaults.cells.hs_expiration_date ?? "");
  const [expirationError, setExpirationError] = useState("");
  // Undo and a restored draft change the default under the text box.
  const savedExpiration = defaults.cells.hs_expiration_date ?? "";
  useEffect(() => setExpiration(savedExpiration), [savedExpiration]);

  const set = (patch: Partial<{ cells: Record<string, string>; publish: boolean }>, label: EditLabel) => {
    const cells = { ...defaults.cells, ...patch.cells };
    for (const key of Object.keys(cells)) if (cells[key] === "") delete cells[key];
    store.apply(
      { type: "set-defaults", defaults: { cells, publish: patch.publish ?? defaults.publish } },
      label,
    );
  };

  const commitExpiration = () => {
    const value = readExpiration(expiration);
    if (value === undefined) {
      setExpirationError(t("defaults.expirationInvalid"));
      return;
    }
    setExpirationError("");
    setExpiration(value);
    if (value !== (defaults.cells.hs_expiration_date ?? ""))
      set(
        { cells: { hs_expiration_date: value } },
        { action: "set-default", column: t("defaults.expiration") },
      );
  };

  const propertyOf = (name: string): Property | undefined => properties.data?.find((p) => p.name === name);

  return (
    <section aria-labelledby={`${id}-title`} className="defaults-panel">
      <header className="defaults-panel__head">
        <h2 id={`${id}-title`} className="lines-panel__title">
          {t("defaults.title")}
        </h2>
        <p className="lines-panel__hint">{t("defaults.hint")}</p>
        <span className="lines-panel__spacer" />
        <Button size="sm" variant="ghost" onClick={onClose}>
          {t("common.close")}
        </Button>
      </header>
      <div className="defaults-panel__fields">
        <label className="defaults-panel__field">
          <span>{t("defaults.template")}</span>
          <select
            value={defaults.cells[TEMPLATE_KEY] ?? ""}
            onChange={(event) =>
              set(
                { cells: { [TEMPLATE_KEY]: event.target.value } },
                { action: "set-default", column: t("defaults.template") },
              )
            }
          >
            <option value="">
              {templates.isPending ? t("defaults.loadingTemplates") : t("defaults.none")}
            </option>
            {(templates.data ?? []).map((template) => (
              <option key={template.id} value={template.id}>
                {template.properties.hs_name || t("defaults.templateId", { id: template.id })}
              </option>
            ))}
          </select>
        </label>
        <label className="defaults-panel__field">
          <span>{t("defaults.expiration")}</span>
          <input
            value={expiration}
            placeholder={t("defaults.expirationPlaceholder")}
            aria-invalid={expirationError ? true : undefined}
            aria-describedby={expirationError ? `${id}-expiration-error` : undefined}
            onChange={(event) => setExpiration(event.target.value)}
            onBlur={commitExpiration}
            onKeyDown={(event) => {
              if (event.key === "Enter") commitExpiration();
            }}
          />
          {expirationError ? (
            <span id={`${id}-expiration-error`} className="defaults-panel__error">
              {expirationError}
            </span>
          ) : null}
        </label>
        {CHOICES.map(({ key, label: fallback }) => {
          const property = propertyOf(key);
          const label = property?.label || t(fallback);
          const current = defaults.cells[key] ?? "";
          const options = (property?.options ?? []).filter(
            (option) => !option.hidden || option.value === current,
          );
          return (
            <label key={key} className="defaults-panel__field">
              <span>{label}</span>
              <select
                value={current}
                disabled={!property}
                onChange={(event) =>
                  set({ cells: { [key]: event.target.value } }, { action: "set-default", column: label })
                }
              >
                <option value="">{t("defaults.none")}</option>
                {options.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            </label>
          );
        })}
        <label className="defaults-panel__field defaults-panel__field--check">
          <input
            type="checkbox"
            disabled={cpq}
            aria-describedby={cpq ? `${id}-cpq` : undefined}
            checked={defaults.publish && !cpq}
            onChange={(event) =>
              set(
                { publish: event.target.checked },
                { action: event.target.checked ? "publish-on" : "publish-off" },
              )
            }
          />
          <span>{t("defaults.publish")}</span>
        </label>
        {cpq ? (
          <p id={`${id}-cpq`} className="lines-panel__hint">
            {t("defaults.cpq")}
          </p>
        ) : null}
      </div>
    </section>
  );
}
