import { useMemo, useSyncExternalStore } from "react";
import type { AssociationTargetType } from "../../../hubspot/association-catalogue.ts";
import { useT } from "../../../i18n/use-t.ts";
import { useAppServices } from "../../../lib/services/app-services-context.tsx";

export interface NameLookup {
  /** "Acme deal (123)", "123 (not found)", or the id while it is being checked. */
  label(type: AssociationTargetType, id: string): string;
}

/**
 * Names beside the record ids of every cell, from the app's reference checks: they cover the whole
 * batch (not only the rows on screen), so scrolling never starts lookups and counts never depend on it.
 */
export function useRecordLabels(): NameLookup {
  const { references } = useAppServices();
  const version = useSyncExternalStore(references.subscribe, references.getVersion);
  const t = useT();
  return useMemo<NameLookup>(() => {
    void version;
    return {
      label(type, id) {
        const record = references.record(type, id);
        if (record) return t("lookup.chip", { name: record.name, id });
        return record === null ? t("grid.recordNotFound", { id }) : id;
      },
    };
  }, [references, version, t]);
}
