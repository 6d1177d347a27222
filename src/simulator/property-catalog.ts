import type { Property } from "../hubspot/properties.ts";
import { defineProperty, type PropertySpec } from "./property-spec.ts";

/** One object type's property definitions, as served and as validated against. */
export interface PropertyCatalog {
  list: readonly Property[];
  byName: ReadonlyMap<string, Property>;
}

export function catalogOf(list: readonly Property[]): PropertyCatalog {
  return { list, byName: new Map(list.map((property) => [property.name, property])) };
}

/** HubSpot's own definitions first (display order -1), then the portal's custom group. */
export function buildCatalog(
  hubspotDefined: readonly PropertySpec[],
  custom: readonly PropertySpec[],
  groups: { standard: string; custom: string },
): PropertyCatalog {
  return catalogOf([
    ...hubspotDefined.map((spec, i) => defineProperty({ groupName: groups.standard, ...spec }, i)),
    ...custom.map((spec, i) => defineProperty({ groupName: groups.custom, ...spec, custom: true }, i + 1)),
  ]);
}
