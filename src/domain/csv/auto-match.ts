import type { ColumnKey } from "../batch/columns.ts";
import { ALIASES } from "./header-aliases.ts";
import { normalizeName, similarity } from "./normalize.ts";
import type { MappingTarget } from "./targets.ts";

export type MatchConfidence =
  | { kind: "exact" }
  | { kind: "alias" }
  | { kind: "fuzzy"; score: number }
  | { kind: "remembered" }
  | { kind: "manual" }
  | { kind: "none" };

export interface ColumnMatch {
  targetKey: ColumnKey | null;
  confidence: MatchConfidence;
}

const FUZZY_THRESHOLD = 0.75;

function candidateNames(target: MappingTarget): { exact: string[]; alias: string[] } {
  return {
    exact: [normalizeName(target.key), normalizeName(target.label)],
    alias: (ALIASES[target.key] ?? []).map(normalizeName),
  };
}

function score(header: string, target: MappingTarget): { score: number; confidence: MatchConfidence } {
  const name = normalizeName(header);
  if (name === "") return { score: 0, confidence: { kind: "none" } };
  const { exact, alias } = candidateNames(target);
  if (exact.includes(name)) return { score: 1, confidence: { kind: "exact" } };
  if (alias.includes(name)) return { score: 0.99, confidence: { kind: "alias" } };
  let best = 0;
  for (const candidate of [...exact, ...alias]) best = Math.max(best, similarity(name, candidate));
  if (best < FUZZY_THRESHOLD) return { score: 0, confidence: { kind: "none" } };
  return { score: best * 0.98, confidence: { kind: "fuzzy", score: Math.round(best * 100) } };
}

/**
 * Suggests a target per header. Best pairs are taken first and each target is used once, so a second
 * "Title"-like column stays unmapped rather than clashing with the first.
 */
export function autoMatch(headers: readonly string[], targets: readonly MappingTarget[]): ColumnMatch[] {
  const pairs: { column: number; target: MappingTarget; score: number; confidence: MatchConfidence }[] = [];
  headers.forEach((header, column) => {
    for (const target of targets) {
      const found = score(header, target);
      if (found.score > 0) pairs.push({ column, target, ...found });
    }
  });
  pairs.sort((a, b) => b.score - a.score || a.column - b.column);
  const result: ColumnMatch[] = headers.map(() => ({ targetKey: null, confidence: { kind: "none" } }));
  const used = new Set<ColumnKey>();
  for (const pair of pairs) {
    if (used.has(pair.target.key) || result[pair.column]!.targetKey !== null) continue;
    used.add(pair.target.key);
    result[pair.column] = { targetKey: pair.target.key, confidence: pair.confidence };
  }
  return result;
}

export interface MappingCheck {
  missingRequired: MappingTarget[];
  /** Target keys chosen by more than one column, with the columns. */
  duplicates: { targetKey: ColumnKey; columns: number[] }[];
}

export function checkMapping(
  targetKeys: readonly (ColumnKey | null)[],
  targets: readonly MappingTarget[],
): MappingCheck {
  const columnsByKey = new Map<ColumnKey, number[]>();
  targetKeys.forEach((key, column) => {
    if (key === null) return;
    columnsByKey.set(key, [...(columnsByKey.get(key) ?? []), column]);
  });
  return {
    missingRequired: targets.filter(
      (target) => target.kind === "property" && target.required && !columnsByKey.has(target.key),
    ),
    duplicates: [...columnsByKey]
      .filter(([, columns]) => columns.length > 1)
      .map(([targetKey, columns]) => ({ targetKey, columns })),
  };
}
