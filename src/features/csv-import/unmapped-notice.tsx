import type { UnmappedColumn } from "../../domain/csv/unmapped.ts";
import { useT } from "../../i18n/use-t.ts";
import { Alert } from "../../ui/alert.tsx";

/** Says which file columns will be left out of the import, before the user imports. */
export function UnmappedNotice({ columns }: { columns: readonly UnmappedColumn[] }) {
  const t = useT();
  if (columns.length === 0) return null;
  return (
    <Alert tone="info" title={t("csvImport.unmapped.title", { count: columns.length })}>
      <ul className="csv-import-unmapped">
        {columns.map(({ column, header, readOnlyLabel }) => (
          <li key={column}>
            {readOnlyLabel
              ? t("csvImport.unmapped.readOnly", { column: header, property: readOnlyLabel })
              : t("csvImport.unmapped.noField", { column: header })}
          </li>
        ))}
      </ul>
    </Alert>
  );
}
