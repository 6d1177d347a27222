import { useT } from "../../i18n/use-t.ts";
import type { WorkbookSummary } from "./worker/protocol.ts";

/** Which sheet of a workbook to import; every other step works on that sheet as on a CSV file. */
export function SheetPicker({
  id,
  workbook,
  onSheet,
}: {
  id: string;
  workbook: WorkbookSummary;
  onSheet(sheet: number): void;
}) {
  const t = useT();
  return (
    <div className="csv-import-field">
      <label className="csv-import-field__label" htmlFor={`${id}-sheet`}>
        {t("csvImport.sheet.label")}
      </label>
      <select
        id={`${id}-sheet`}
        aria-describedby={`${id}-sheet-hint`}
        value={String(workbook.sheet)}
        onChange={(event) => onSheet(Number(event.target.value))}
      >
        {workbook.sheets.map((sheet, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: sheets are identified by their position in the workbook.
          <option key={index} value={String(index)}>
            {t(sheet.hidden ? "csvImport.sheet.hidden" : "csvImport.sheet.option", {
              name: sheet.name,
              rows: sheet.rows,
            })}
          </option>
        ))}
      </select>
      <span className="csv-import-field__hint" id={`${id}-sheet-hint`}>
        {t("csvImport.sheet.hint", { count: workbook.sheets.length })}
      </span>
    </div>
  );
}
