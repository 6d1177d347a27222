import type { ColumnDef } from "./column-def.ts";

/** Groups whose names the UI translates (message `chooser.group.<known>`); others keep HubSpot's name. */
export type KnownGroup = "quoteinformation" | "quote_custom" | "dealinformation" | "associations" | "other";

export interface ChooserGroup {
  /** HubSpot's `groupName` as people read it ("quoteinformation" → "Quote information"). */
  title: string;
  /** Set for HubSpot's own groups, the associations and "Other": the UI names them in the user's language. */
  known?: KnownGroup;
  columns: ColumnDef[];
}

export interface ChooserFilter {
  search: string;
  showHidden: boolean;
}

export const ASSOCIATIONS_GROUP_TITLE = "Associations";

/**
 * HubSpot's own quote property groups, by their internal names: the names run words together
 * ("quoteinformation"), which no tidying can split. Their labels are HubSpot's (Settings › Properties).
 */
const HUBSPOT_GROUP_TITLES: Readonly<Record<string, string>> = {
  quoteinformation: "Quote information",
  quote_custom: "Custom properties",
  dealinformation: "Deal information",
};

const isHubSpotGroup = (name: string): name is "quoteinformation" | "quote_custom" | "dealinformation" =>
  name === "quoteinformation" || name === "quote_custom" || name === "dealinformation";

export function groupTitle(groupName: string): string {
  const known = HUBSPOT_GROUP_TITLES[groupName];
  if (known) return known;
  const words = groupName.replace(/[_-]+/g, " ").trim();
  if (words === "") return "Other";
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function matches(column: ColumnDef, search: string): boolean {
  if (search === "") return true;
  const needle = search.toLowerCase();
  return column.label.toLowerCase().includes(needle) || column.key.toLowerCase().includes(needle);
}

/**
 * What the chooser offers for a search: only columns from `available` (writable by construction), hidden
 * properties only when asked for, grouped by HubSpot group, associations last; groups and columns sorted
 * by label so a long list is scannable.
 */
export function chooserGroups(available: readonly ColumnDef[], filter: ChooserFilter): ChooserGroup[] {
  const search = filter.search.trim();
  const groups = new Map<string, ColumnDef[]>();
  const knownGroups = new Map<string, KnownGroup>();
  const associations: ColumnDef[] = [];
  for (const column of available) {
    if (!matches(column, search)) continue;
    if (column.kind === "association") {
      associations.push(column);
      continue;
    }
    if (column.property.hidden === true && !filter.showHidden) continue;
    const name = column.property.groupName;
    const title = groupTitle(name);
    if (isHubSpotGroup(name)) knownGroups.set(title, name);
    else if (title === "Other") knownGroups.set(title, "other");
    const list = groups.get(title) ?? [];
    list.push(column);
    groups.set(title, list);
  }
  const byLabel = (a: ColumnDef, b: ColumnDef) => a.label.localeCompare(b.label);
  const result: ChooserGroup[] = [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([title, columns]) => {
      const known = knownGroups.get(title);
      return { title, ...(known ? { known } : {}), columns: columns.sort(byLabel) };
    });
  if (associations.length > 0)
    result.push({
      title: ASSOCIATIONS_GROUP_TITLE,
      known: "associations",
      columns: associations.sort(byLabel),
    });
  return result;
}
