import { LINE_ITEM_UNIQUE_PROPERTY } from "../hubspot/line-items.ts";
import type { CrmRecord } from "./crm-data.ts";

/** A line item belongs to at most one parent (FACTS.md): a quote, or a deal for the seeded ones. */
export interface LineItemParent {
  type: "quotes" | "deals";
  id: string;
}

export interface StoredLineItem extends CrmRecord {
  parent?: LineItemParent;
  objectWriteTraceId?: string;
  archived: boolean;
  archivedAt?: string;
  /** Seeded with the CRM (a deal's line item) rather than created through the API. */
  seeded: boolean;
}

const FIRST_LINE_ITEM_ID = 54_900_000_001;

/**
 * Every line item: the seeded ones (each attached to a deal, so re-using one for a quote fails as at HubSpot)
 * and those batch create made. Looked up by id, by the unique key, and by parent.
 */
export function createLineItemStore(seeded: readonly CrmRecord[], dealIds: readonly string[]) {
  let items = new Map<string, StoredLineItem>();
  let byUnique = new Map<string, StoredLineItem>();
  let byParent = new Map<string, Set<string>>();
  let created: StoredLineItem[] = [];
  let count = 0;

  const parentKey = (parent: LineItemParent) => `${parent.type}:${parent.id}`;
  function attach(item: StoredLineItem, parent: LineItemParent) {
    item.parent = parent;
    const key = parentKey(parent);
    const set = byParent.get(key) ?? new Set<string>();
    set.add(item.id);
    byParent.set(key, set);
  }
  function seed() {
    items = new Map();
    byUnique = new Map();
    byParent = new Map();
    created = [];
    count = 0;
    seeded.forEach((record, i) => {
      const item: StoredLineItem = {
        ...record,
        properties: { ...record.properties },
        archived: false,
        seeded: true,
      };
      items.set(item.id, item);
      const dealId = dealIds[i % dealIds.length];
      if (dealId !== undefined) attach(item, { type: "deals", id: dealId });
    });
  }
  seed();

  return {
    nextId(): string {
      return String(FIRST_LINE_ITEM_ID + count++ * 3);
    },
    add(item: StoredLineItem, parent?: LineItemParent): void {
      items.set(item.id, item);
      created.push(item);
      const key = item.properties[LINE_ITEM_UNIQUE_PROPERTY];
      if (key !== undefined && key !== "") byUnique.set(key, item);
      if (parent) attach(item, parent);
    },
    /** A line item that exists (archived ones do not). */
    get(id: string): StoredLineItem | undefined {
      const item = items.get(id);
      return item && !item.archived ? item : undefined;
    },
    getByUnique(value: string): StoredLineItem | undefined {
      const item = byUnique.get(value);
      return item && !item.archived ? item : undefined;
    },
    setParent(id: string, parent: LineItemParent): void {
      const item = items.get(id);
      if (item) attach(item, parent);
    },
    ofParent(parent: LineItemParent): StoredLineItem[] {
      const ids = byParent.get(parentKey(parent)) ?? new Set<string>();
      return [...ids].flatMap((id) => {
        const item = items.get(id);
        return item && !item.archived ? [item] : [];
      });
    },
    archive(id: string, at: string): boolean {
      const item = items.get(id);
      if (!item || item.archived) return false;
      item.archived = true;
      item.archivedAt = at;
      const key = item.properties[LINE_ITEM_UNIQUE_PROPERTY];
      if (key !== undefined && byUnique.get(key) === item) byUnique.delete(key);
      if (item.parent) byParent.get(parentKey(item.parent))?.delete(id);
      return true;
    },
    /** The line items that exist, seeded first, for search. */
    live(): StoredLineItem[] {
      return [...items.values()].filter((item) => !item.archived);
    },
    /** What batch create made, archived ones included (for duplicate and orphan checks in benches). */
    created(): readonly StoredLineItem[] {
      return [...created];
    },
    reset: seed,
  };
}
export type LineItemStore = ReturnType<typeof createLineItemStore>;
