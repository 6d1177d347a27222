import { useQuery } from "@tanstack/react-query";
import { useDeferredValue, useId, useMemo, useState } from "react";
import { isWritable, type Property } from "../hubspot/properties.ts";
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

  const all = query.data;
  const visible = useMemo(
    () => filterProperties(all ?? [], deferredSearch, show),
    [all, deferredSearch, show],
  );

  if (query.isPending) {
    return (
      <div className="props-state">
        <Spinner label="Loading quote properties…" />
      </div>
    );
  }
  if (query.isError) {
    return (
      <Alert
        tone="danger"
        title="The quote properties could not be loaded"
        action={
          <Button size="sm" onClick={() => void query.refetch()} busy={query.isFetching}>
            Retry
          </Button>
        }
      >
        {describeApiError(query.error)}
      </Alert>
    );
  }
  if (query.data.length === 0) {
    return (
      <EmptyState title="No quote properties">
        <p>
          HubSpot returned no property definitions for quotes. Check the private app's scopes, then reload.
        </p>
      </EmptyState>
    );
  }

  const writableCount = query.data.filter(isWritable).length;
  return (
    <section className="props" aria-labelledby={`${searchId}-heading`}>
      <header className="props__header">
        <div>
          <h2 id={`${searchId}-heading`} className="props__title">
            Quote properties
          </h2>
          <p className="props__summary">
            {query.data.length} properties, {writableCount} writable. Batches can set writable properties
            only.
          </p>
        </div>
        <div className="props__filters">
          <label htmlFor={searchId} className="props__label">
            Search properties
          </label>
          <input
            id={searchId}
            type="search"
            className="props__search"
            placeholder="Label, internal name, group or type"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
          <label htmlFor={showId} className="props__label">
            Show
          </label>
          <select
            id={showId}
            className="props__select"
            value={show}
            onChange={(event) => setShow(parseShow(event.target.value))}
          >
            <option value="all">All</option>
            <option value="writable">Writable</option>
            <option value="read-only">Read-only</option>
          </select>
        </div>
      </header>
      <p className="props__count" role="status">
        Showing {visible.length} of {query.data.length}
      </p>
      {visible.length === 0 ? (
        <EmptyState
          title="No property matches"
          headingLevel={3}
          action={
            <Button
              onClick={() => {
                setSearch("");
                setShow("all");
              }}
            >
              Clear filters
            </Button>
          }
        >
          <p>Nothing matches “{deferredSearch}”. Try part of the label or the internal name.</p>
        </EmptyState>
      ) : (
        <PropertiesTable properties={visible} />
      )}
    </section>
  );
}

function PropertiesTable({ properties }: { properties: readonly Property[] }) {
  return (
    <div className="props__table-wrap">
      <table className="props__table">
        <caption className="visually-hidden">Quote properties</caption>
        <thead>
          <tr>
            <th scope="col">Label</th>
            <th scope="col">Internal name</th>
            <th scope="col">Type</th>
            <th scope="col">Field type</th>
            <th scope="col">Group</th>
            <th scope="col">Flags</th>
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
                  <span className="props__muted"> · {property.options.length} options</span>
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
    </div>
  );
}

function PropertyFlags({ property }: { property: Property }) {
  const readOnly = property.modificationMetadata?.readOnlyValue === true;
  return (
    <span className="props__flags">
      {isWritable(property) ? <Badge tone="success">Writable</Badge> : null}
      {readOnly ? <Badge tone="neutral">Read-only</Badge> : null}
      {property.calculated ? <Badge tone="info">Calculated</Badge> : null}
      {property.hidden ? <Badge tone="neutral">Hidden</Badge> : null}
      {property.hasUniqueValue ? <Badge tone="warning">Unique</Badge> : null}
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
