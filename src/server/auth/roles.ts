import { hasRole, type Role } from "../identity.ts";
import type { RoleRules } from "./auth-config.ts";

/** The role the e-mail lists give (read per request, so a list change applies at the next restart). */
export function emailRole(email: string, rules: RoleRules): Role {
  const address = email.toLowerCase();
  if (rules.adminEmails.has(address)) return "admin";
  if (rules.submitterEmails.has(address)) return "submitter";
  return "viewer";
}

/** The role the identity provider's groups give, through `OIDC_ADMIN_GROUPS` / `OIDC_SUBMITTER_GROUPS`. */
export function groupRole(groups: readonly string[], rules: RoleRules): Role {
  if (groups.some((group) => rules.adminGroups.has(group))) return "admin";
  if (groups.some((group) => rules.submitterGroups.has(group))) return "submitter";
  return "viewer";
}

/** Everyone who signed in may at least read (viewer); the highest role any rule gives wins. */
export function highestRole(a: Role, b: Role | undefined): Role {
  return b !== undefined && hasRole(b, a) ? b : a;
}

/** A claim's group names: providers send an array of strings, some a single space- or comma-separated string. */
export function groupsFromClaim(value: unknown): string[] {
  if (typeof value === "string") return value.split(/[\s,]+/).filter(Boolean);
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === "string");
  return [];
}
