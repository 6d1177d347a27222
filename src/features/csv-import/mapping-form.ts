import { z } from "zod";
import type { ColumnMatch } from "../../domain/csv/auto-match.ts";
import { autoMatch } from "../../domain/csv/auto-match.ts";
import { normalizeName } from "../../domain/csv/normalize.ts";
import type { ImportColumn } from "../../domain/csv/plan.ts";
import type { MappingTarget } from "../../domain/csv/targets.ts";
import type { RememberedMapping } from "../../lib/storage/csv-mappings.ts";

/** "" means Ignore. Two columns on one target would overwrite each other, so that blocks the import. */
export function mappingSchema(headers: readonly string[]) {
  return z
    .object({
      columns: z.array(z.object({ target: z.string() })),
      mode: z.enum(["append", "replace"]),
    })
    .superRefine((values, ctx) => {
      const firstByTarget = new Map<string, number>();
      values.columns.forEach(({ target }, index) => {
        if (target === "") return;
        const first = firstByTarget.get(target);
        if (first === undefined) {
          firstByTarget.set(target, index);
          return;
        }
        // A code, not words: the mapping step names the first column in the user's language.
        ctx.addIssue({
          code: "custom",
          path: ["columns", index, "target"],
          message: `${DUPLICATE_TARGET}:${headers[first] ?? ""}`,
        });
      });
    });
}

/** The message of a column mapped to a field an earlier column already goes to: `duplicate-target:<header>`. */
export const DUPLICATE_TARGET = "duplicate-target";

/** The earlier column's header from a duplicate-target message, or `undefined` for any other message. */
export function duplicateOf(message: string | undefined): string | undefined {
  const prefix = `${DUPLICATE_TARGET}:`;
  return message?.startsWith(prefix) ? message.slice(prefix.length) : undefined;
}

export type MappingValues = z.infer<ReturnType<typeof mappingSchema>>;

/** The remembered mapping where there is one, else the automatic suggestions. */
export function initialMatches(
  headers: readonly string[],
  targets: readonly MappingTarget[],
  remembered: RememberedMapping | undefined,
): ColumnMatch[] {
  const auto = autoMatch(headers, targets);
  if (!remembered) return auto;
  const known = new Set(targets.map((target) => target.key));
  return headers.map((header, index) => {
    const key = remembered[normalizeName(header)];
    if (key === null) return { targetKey: null, confidence: { kind: "remembered" } };
    if (key !== undefined && known.has(key)) return { targetKey: key, confidence: { kind: "remembered" } };
    return auto[index]!;
  });
}

export function toRemembered(headers: readonly string[], values: MappingValues): RememberedMapping {
  const remembered: RememberedMapping = {};
  headers.forEach((header, index) => {
    remembered[normalizeName(header)] = values.columns[index]?.target || null;
  });
  return remembered;
}

export function importColumns(values: MappingValues, targets: readonly MappingTarget[]): ImportColumn[] {
  const byKey = new Map(targets.map((target) => [target.key, target]));
  const columns: ImportColumn[] = [];
  values.columns.forEach(({ target }, column) => {
    const found = byKey.get(target);
    if (found) columns.push({ column, target: found });
  });
  return columns;
}
