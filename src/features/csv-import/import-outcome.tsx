import { useEffect } from "react";
import { useIntlOrEnglish, useT } from "../../i18n/use-t.ts";
import { useAnnouncer } from "../../lib/announcer/announcer-context.tsx";
import { DockToast } from "../../ui/notification-dock.tsx";
import type { ImportOutcome } from "./use-csv-import.ts";

/** The notice (in the notification dock) after an import: how many rows, and plainly what was not read or not imported. */
export function ImportOutcomeToast({ outcome, onDismiss }: { outcome: ImportOutcome; onDismiss(): void }) {
  const t = useT();
  const intl = useIntlOrEnglish();
  const announcer = useAnnouncer();
  const { rows, replaced, attention, ignored, summarySkipped } = outcome;
  const lines: string[] = [];
  if (attention > 0) lines.push(t("csvImport.toast.attention", { count: attention }));
  if (ignored.length > 0)
    lines.push(
      t("csvImport.toast.ignored", {
        count: ignored.length,
        columns: intl.formatList(
          ignored.map((header) => `“${header}”`),
          { type: "conjunction" },
        ),
      }),
    );
  if (summarySkipped > 0) lines.push(t("csvImport.toast.summarySkipped", { count: summarySkipped }));
  const grouped = outcome.grouped;
  if (grouped) {
    lines.unshift(t("csvImport.toast.grouped", { quotes: grouped.quotes, lines: grouped.lines }));
    if (grouped.ungrouped.length > 0)
      lines.push(
        t("csvImport.toast.ungrouped", {
          count: grouped.ungrouped.length,
          records: intl.formatList(grouped.ungrouped.slice(0, 10).map(String), { type: "conjunction" }),
        }),
      );
    if (grouped.conflicts > 0) lines.push(t("csvImport.toast.groupConflicts", { count: grouped.conflicts }));
  }
  if (outcome.profile)
    lines.push(
      t("csvImport.toast.profileDefaults", {
        name: outcome.profile.name,
        count: Object.keys(outcome.profile.defaults.cells).length,
      }),
    );
  const products = outcome.products;
  if (products && products.unmatched > 0)
    lines.push(
      products.unreachable
        ? t("csvImport.toast.productsUnreachable")
        : t("csvImport.toast.productsUnmatched", { count: products.unmatched }),
    );
  // "Every value was read" only when it is true: nothing unread and no column left out.
  if (attention === 0 && ignored.length === 0 && !products?.unmatched)
    lines.unshift(t("csvImport.toast.allRead"));
  lines.push(t("csvImport.toast.undo"));
  const title =
    replaced > 0
      ? t("csvImport.toast.titleReplacing", { rows, replaced })
      : t("csvImport.toast.title", { rows });
  // Said once per import, shortly: how many rows, and what needs attention if anything does.
  const headline = [title, attention > 0 ? t("csvImport.toast.attention", { count: attention }) : ""].join(
    " ",
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: one announcement per outcome, not per language switch
  useEffect(() => announcer.announce(headline), [outcome, announcer]);
  return (
    <DockToast
      tone={
        attention > 0 || (outcome.grouped?.ungrouped.length ?? 0) > 0 || (products?.unmatched ?? 0) > 0
          ? "warning"
          : ignored.length > 0
            ? "info"
            : "success"
      }
      title={title}
      onDismiss={onDismiss}
      live={false}
    >
      {lines.join(" ")}
    </DockToast>
  );
}
