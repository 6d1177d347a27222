import { useMemo } from "react";
import type { AssociationNames } from "../../../domain/columns/build-columns.ts";
import { useT } from "../../../i18n/use-t.ts";

/** Association column headers in the user's language: "取引", "コンタクト：署名者". */
export function useAssociationNames(): AssociationNames {
  const t = useT();
  return useMemo<AssociationNames>(
    () => ({
      plain: (type, plural) => t(plural ? `object.${type}.other` : `object.${type}.one`),
      labelled: (type, label, typeId) =>
        t("column.associationLabelled", {
          object: t(`object.${type}.one`),
          label: label ?? t("column.associationType", { typeId }),
        }),
    }),
    [t],
  );
}
