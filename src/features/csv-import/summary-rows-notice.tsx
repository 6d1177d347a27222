import { useId } from "react";
import { useT } from "../../i18n/use-t.ts";
import type { ParseSummary } from "./worker/protocol.ts";

export interface SummaryRowsNoticeProps {
  summaryRows: NonNullable<ParseSummary["summaryRows"]>;
  width: number;
  skip: boolean;
  onSkip(skip: boolean): void;
}

/** The totals lines found at the end of the file, shown with the choice to skip them (the default). */
export function SummaryRowsNotice({ summaryRows, width, skip, onSkip }: SummaryRowsNoticeProps) {
  const t = useT();
  const id = useId();
  const lines = summaryRows.records.filter((record) => record.fields.some((field) => field.trim() !== ""));
  const count = lines.length;
  return (
    <section className="csv-import-summary" aria-labelledby={`${id}-title`}>
      <div className="csv-import-summary__head">
        <h3 className="csv-import-problems__title" id={`${id}-title`}>
          {t("csvImport.summaryRows.title", { count })}
        </h3>
        <label className="csv-import-summary__skip">
          <input type="checkbox" checked={skip} onChange={(event) => onSkip(event.target.checked)} />{" "}
          {t("csvImport.summaryRows.skip")}
        </label>
      </div>
      <p className="csv-import-field__hint">
        {skip
          ? t("csvImport.summaryRows.skipped", { count })
          : t("csvImport.summaryRows.imported", { count })}
      </p>
      <div className="csv-import-table-wrap csv-import-table-wrap--summary">
        <table className="csv-import-table" aria-label={t("csvImport.summaryRows.table")}>
          <tbody>
            {lines.map(({ index, fields }) => (
              <tr
                key={index}
                className={skip ? "csv-import-table__row--skipped" : "csv-import-table__row--data"}
              >
                <th scope="row" className="csv-import-table__rownum">
                  {t("csvImport.summaryRows.row", { row: index + 1 })}
                </th>
                {Array.from({ length: Math.max(width, fields.length) }, (_, col) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional.
                  <td key={col}>{fields[col] ?? ""}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
