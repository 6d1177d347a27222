import { describe, expect, it } from "vitest";
import { requiredRole } from "./route-roles.ts";

describe("route roles", () => {
  it.each([
    ["GET", "/api/hubspot/crm/v3/properties/quotes", "viewer"],
    ["GET", "/api/health", "viewer"],
    ["POST", "/api/hubspot/crm/v3/objects/quotes/batch/read", "viewer"],
    ["POST", "/api/hubspot/crm/v3/objects/products/search", "viewer"],
    ["POST", "/api/hubspot/crm/v3/objects/quotes/batch/create", "submitter"],
    ["POST", "/api/hubspot/crm/v3/objects/line_items/batch/create", "submitter"],
    ["POST", "/api/hubspot/crm/v3/objects/quotes/batch/update", "admin"],
    ["POST", "/api/hubspot/crm/v4/associations/quotes/line_items/batch/read", "viewer"],
    ["POST", "/api/hubspot/crm/v3/objects/quotes/batch/archive", "admin"],
    ["POST", "/api/hubspot/crm/v3/objects/line_items/batch/archive", "admin"],
    ["GET", "/api/simulator/faults", "admin"],
    ["POST", "/api/simulator/reset", "admin"],
    ["GET", "/api/journal/submissions", "viewer"],
    ["POST", "/api/journal/submissions", "submitter"],
    ["POST", "/api/something-new", "admin"],
  ])("%s %s needs %s", (method, path, role) => {
    expect(requiredRole(method, path)).toBe(role);
  });
});
