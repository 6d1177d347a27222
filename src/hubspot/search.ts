import { z } from "zod";
import { SimplePublicObject } from "./batch-create.ts";

export const SEARCH_MAX_LIMIT = 200;

export const FilterOperator = z.enum([
  "EQ",
  "NEQ",
  "LT",
  "LTE",
  "GT",
  "GTE",
  "BETWEEN",
  "IN",
  "NOT_IN",
  "HAS_PROPERTY",
  "NOT_HAS_PROPERTY",
  "CONTAINS_TOKEN",
  "NOT_CONTAINS_TOKEN",
]);

export const SearchFilter = z.object({
  propertyName: z.string(),
  operator: FilterOperator,
  value: z.string().optional(),
  highValue: z.string().optional(),
  values: z.array(z.string()).optional(),
});

export const SearchRequest = z.object({
  query: z.string().optional(),
  filterGroups: z.array(z.object({ filters: z.array(SearchFilter) })).default([]),
  sorts: z.array(z.string()).default([]),
  properties: z.array(z.string()).default([]),
  limit: z.number().int().min(1).max(SEARCH_MAX_LIMIT).default(10),
  after: z.string().optional(),
});
export type SearchRequest = z.infer<typeof SearchRequest>;
export type SearchRequestInput = z.input<typeof SearchRequest>;

const Paging = z.looseObject({
  next: z.looseObject({ after: z.string(), link: z.string().optional() }).optional(),
});

/** Search results, and the quote template listing (same collection shape). */
export const ObjectCollection = z.looseObject({
  total: z.number().int().optional(),
  results: z.array(SimplePublicObject),
  paging: Paging.optional(),
});
export type ObjectCollection = z.infer<typeof ObjectCollection>;

/** The object types the proxy lets the browser search. */
export const SEARCHABLE_OBJECT_TYPES = ["deals", "contacts", "companies", "line_items"] as const;
export type SearchableObjectType = (typeof SEARCHABLE_OBJECT_TYPES)[number];
