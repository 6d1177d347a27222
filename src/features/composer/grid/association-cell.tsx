import { memo } from "react";
import { splitRecordIds } from "../../../domain/batch/columns.ts";
import type { AssociationTargetType } from "../../../hubspot/association-catalogue.ts";
import { useRecordNames } from "../composer-deps.tsx";

/** Record ids with their names where HubSpot knows them ("Acme deal (123)"), and "not found" where it does not. */
export const AssociationCellText = memo(function AssociationCellText({
  objectType,
  value,
}: {
  objectType: AssociationTargetType;
  value: string;
}) {
  const ids = splitRecordIds(value);
  const names = useRecordNames(objectType, ids);
  return (
    <>
      {ids
        .map((id) => {
          const record = names.records.get(id);
          if (record) return `${record.name} (${id})`;
          return names.missing.has(id) ? `${id} (not found)` : id;
        })
        .join(", ")}
    </>
  );
});
