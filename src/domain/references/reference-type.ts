import type { AssociationTargetType } from "../../hubspot/association-catalogue.ts";

/**
 * What a batch refers to by HubSpot id: records in association cells (deals, templates, contacts,
 * companies) and products in line-item cells. One checker resolves them all, because HubSpot counts
 * product searches and record searches against the same per-second search limit.
 */
export type ReferenceType = AssociationTargetType | "products";
