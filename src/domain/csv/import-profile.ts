import { z } from "zod";
import type { DateOrder } from "../values/dates.ts";
import { normalizeName } from "./normalize.ts";

/**
 * A saved import: how a kind of file maps ("Renewals JP", "EU price update") plus the batch defaults that
 * go with it, offered again when a file with the same headers arrives and shared as a small JSON file.
 * Headers are kept normalised (`normalizeName`), the way remembered mappings compare them.
 */
export const ImportProfile = z.object({
  format: z.literal("quote-batch-composer/import-profile"),
  version: z.literal(1),
  name: z.string().trim().min(1).max(80),
  /** Normalised header → target column key, or null for Ignore. */
  mapping: z.record(z.string(), z.string().nullable()),
  /** The column quotes are grouped by (files with one record per line item). */
  groupBy: z.string().optional(),
  dateOrder: z.enum(["MDY", "DMY"]).optional(),
  /** Batch defaults applied with the import (template, expiration "+30", currency, publish…). */
  defaults: z.object({ cells: z.record(z.string(), z.string()), publish: z.boolean() }).optional(),
  savedAt: z.string().optional(),
});
export type ImportProfile = z.infer<typeof ImportProfile>;

/** At least this share of a profile's headers must be in a file for the profile to be offered. */
const MATCH_SHARE = 0.8;

/** How well a profile fits a file's headers: the share of the profile's headers the file has (0–1). */
export function profileFit(profile: ImportProfile, headers: readonly string[]): number {
  const known = Object.keys(profile.mapping);
  if (known.length === 0) return 0;
  const present = new Set(headers.map(normalizeName));
  return known.filter((header) => present.has(header)).length / known.length;
}

/** The profiles that fit a file, best first (ties: the newest saved first). */
export function matchingProfiles(
  profiles: readonly ImportProfile[],
  headers: readonly string[],
): ImportProfile[] {
  return profiles
    .map((profile) => ({ profile, fit: profileFit(profile, headers) }))
    .filter((entry) => entry.fit >= MATCH_SHARE)
    .sort((a, b) => b.fit - a.fit || (b.profile.savedAt ?? "").localeCompare(a.profile.savedAt ?? ""))
    .map((entry) => entry.profile);
}

/** The target of each header under a profile: its key, null for Ignore, undefined when the profile has no say. */
export function profileTargets(
  profile: ImportProfile,
  headers: readonly string[],
): (string | null | undefined)[] {
  return headers.map((header) => profile.mapping[normalizeName(header)]);
}

export function createProfile(input: {
  name: string;
  headers: readonly string[];
  targets: readonly (string | null)[];
  groupBy?: string | undefined;
  dateOrder?: DateOrder | undefined;
  defaults?: ImportProfile["defaults"];
  savedAt: string;
}): ImportProfile {
  const mapping: Record<string, string | null> = {};
  input.headers.forEach((header, index) => {
    const key = normalizeName(header);
    if (key !== "") mapping[key] = input.targets[index] ?? null;
  });
  return {
    format: "quote-batch-composer/import-profile",
    version: 1,
    name: input.name.trim(),
    mapping,
    ...(input.groupBy ? { groupBy: input.groupBy } : {}),
    ...(input.dateOrder ? { dateOrder: input.dateOrder } : {}),
    ...(input.defaults ? { defaults: input.defaults } : {}),
    savedAt: input.savedAt,
  };
}

/**
 * Why a profile file could not be read, for a message that says what to do: not JSON at all; JSON of
 * something else; a profile of a newer format version than this app reads; or one of ours whose `field`
 * is damaged (edited by hand).
 */
export type ProfileFileProblem =
  | { problem: "not-json" }
  | { problem: "not-a-profile" }
  | { problem: "newer-version"; version: number }
  | { problem: "damaged"; field: string };

const PROFILE_FORMAT = "quote-batch-composer/import-profile";
const Tagged = z.object({ format: z.literal(PROFILE_FORMAT), version: z.unknown() });

/** Reads a shared profile file; anything else is refused with the reason (never half-applied). */
export function parseProfileFile(
  text: string,
): { ok: true; profile: ImportProfile } | ({ ok: false } & ProfileFileProblem) {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    return { ok: false, problem: "not-json" };
  }
  const parsed = ImportProfile.safeParse(data);
  if (parsed.success) return { ok: true, profile: parsed.data };
  const tagged = Tagged.safeParse(data);
  if (!tagged.success) return { ok: false, problem: "not-a-profile" };
  const { version } = tagged.data;
  if (typeof version === "number" && version > 1) return { ok: false, problem: "newer-version", version };
  const field = parsed.error.issues[0]?.path.join(".") || "version";
  return { ok: false, problem: "damaged", field };
}

export function profileFileText(profile: ImportProfile): string {
  return `${JSON.stringify(profile, null, 2)}\n`;
}
