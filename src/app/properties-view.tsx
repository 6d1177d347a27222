import { useQuery } from "@tanstack/react-query";
import { useDeferredValue, useId, useMemo, useState } from "react";
import { isWritable, type Property } from "../hubspot/properties.ts";
import { useT } from "../i18n/use-t.ts";
import { describeApiError } from "../lib/api/api-error.ts";
import { quotePropertiesQuery } from "../lib/api/get-quote-properties.ts";
import { Alert } from "../ui/alert.tsx";
import { Badge } from "../ui/badge.tsx";
import { Button } from "../ui/button.tsx";
import { EmptyState } from "../ui/empty-state.tsx";
import { Spinner } from "../ui/spinner.tsx";
import "./properties-view.css";

type Show = "all" | "writable" | "read-only";

/** The quote property definitions HubSpot (or the simulator) reports: what a batch can and cannot set. */
export function PropertiesView() {
  const query = useQuery(quotePropertiesQuery());
  const [search, setSearch] = useState("");
  const [show, setShow] = useState<Show>("all");
  const deferredSearch = useDeferredValue(search);
  const searchId = useId();
  const showId = useId();
  const t = useT();

  const all = query.data;
  const visible = useMemo(
    () => filterProperties(all ?? [], deferredSearch, show),
    [all, deferredSearch, show],
  );

  if (query.isPending) {
    return (
      <div className="props-state">
        <Spinner label={t("props.loading")} />
      </div>
    );
  }
  if (query.isError) {
    return (
      <Alert
        tone="danger"
        title={t("props.error")}
        action={
          <Button size="sm" onClick={() => void query.refetch()} busy={query.isFetching}>
            {t("props.retry")}
          </Button>
        }
      >
        {describeApiError(query.error, t)}
      </Alert>
    );
  }
  if (query.data.length === 0) {
    return (
      <EmptyState title={t("props.none.title")}>
        <p>{t("props.none.body")}</p>
      </EmptyState>
    );
  }

  const writableCount = query.data.filter(isWritable).length;
  return (
    <section className="props" aria-labelledby={`${searchId}-heading`}>
      <header className="props__header">
        <div>
          <h2 id={`${searchId}-heading`} className="props__title">
            {t("props.title")}
          </h2>
          <p className="props__summary">
            {t("props.summary", { total: query.data.length, writable: writableCount })}
          </p>
        </div>
        <div className="props__filters">
          <label htmlFor={searchId} className="props__label">
            {t("props.search")}
          </label>
          <input
            id={searchId}
            type="search"
            className="props__search"
            placeholder={t("props.search.placeholder")}
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
          <label htmlFor={showId} className="props__label">
            {t("props.show")}
          </label>
          <select
            id={showId}
            className="props__select"
            value={show}
            onChange={(event) => setShow(parseShow(event.target.value))}
          >
            <option value="all">{t("props.show.all")}</option>
            <option value="writable">{t("props.show.writable")}</option>
            <option value="read-only">{t("props.show.readOnly")}</option>
          </select>
        </div>
      </header>
      <p className="props__count" role="status">
        {t("props.count", { shown: visible.length, total: query.data.length })}
      </p>
      {visible.length === 0 ? (
        <EmptyState
          title={t("props.noMatch.title")}
          headingLevel={3}
          action={
            <Button
              onClick={() => {
                setSearch("");
                setShow("all");
              }}
            >
              {t("props.noMatch.clear")}
            </Button>
          }
        >
          <p>{t("props.noMatch.body", { search: deferredSearch })}</p>
        </EmptyState>
      ) : (
        <PropertiesTable properties={visible} />
      )}
    </section>
  );
}

function PropertiesTable({ properties }: { properties: readonly Property[] }) {
  const t = useT();
  return (
    // A keyboard user scrolls the table with the arrow keys once the region has focus (axe scrollable-region-focusable).
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scroll container must be focusable to scroll by keyboard
    <section className="props__table-wrap" aria-label={t("props.tableRegion")} tabIndex={0}>
      <table className="props__table">
        <caption className="visually-hidden">{t("props.title")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("props.col.label")}</th>
            <th scope="col">{t("props.col.name")}</th>
            <th scope="col">{t("props.col.type")}</th>
            <th scope="col">{t("props.col.fieldType")}</th>
            <th scope="col">{t("props.col.group")}</th>
            <th scope="col">{t("props.col.flags")}</th>
          </tr>
        </thead>
        <tbody>
          {properties.map((property) => (
            <tr key={property.name}>
              <th scope="row" className="props__name-cell">
                <span className="props__prop-label">{property.label}</span>
                {property.description ? <span className="props__desc">{property.description}</span> : null}
              </th>
              <td>
                <code className="props__code">{property.name}</code>
              </td>
              <td>
                {property.type}
                {property.options.length > 0 ? (
                  <span className="props__muted">
                    {" "}
                    · {t("props.options", { count: property.options.length })}
                  </span>
                ) : null}
              </td>
              <td>{property.fieldType}</td>
              <td className="props__muted">{property.groupName}</td>
              <td>
                <PropertyFlags property={property} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function PropertyFlags({ property }: { property: Property }) {
  const readOnly = property.modificationMetadata?.readOnlyValue === true;
  const t = useT();
  return (
    <span className="props__flags">
      {isWritable(property) ? <Badge tone="success">{t("props.flag.writable")}</Badge> : null}
      {readOnly ? <Badge tone="neutral">{t("props.flag.readOnly")}</Badge> : null}
      {property.calculated ? <Badge tone="info">{t("props.flag.calculated")}</Badge> : null}
      {property.hidden ? <Badge tone="neutral">{t("props.flag.hidden")}</Badge> : null}
      {property.hasUniqueValue ? <Badge tone="warning">{t("props.flag.unique")}</Badge> : null}
    </span>
  );
}

function parseShow(value: string): Show {
  return value === "writable" || value === "read-only" ? value : "all";
}

export function filterProperties(properties: readonly Property[], search: string, show: Show): Property[] {
  const needle = search.trim().toLowerCase();
  return properties.filter((property) => {
    if (show === "writable" && !isWritable(property)) return false;
    if (show === "read-only" && isWritable(property)) return false;
    if (!needle) return true;
    return [property.label, property.name, property.groupName, property.type, property.fieldType].some(
      (text) => text.toLowerCase().includes(needle),
    );
  });
}
