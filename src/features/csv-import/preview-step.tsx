import { useId } from "react";
import { CSV_DELIMITERS, type CsvDelimiter } from "../../domain/csv/delimiter.ts";
import { CSV_ENCODINGS, type CsvEncoding } from "../../domain/csv/encoding.ts";
import { columnNames } from "../../domain/csv/header.ts";
import { useIssueText } from "../../i18n/issue-text.ts";
import { useFormat } from "../../i18n/language-provider.tsx";
import type { MessageId } from "../../i18n/messages.ts";
import { useT } from "../../i18n/use-t.ts";
import { Alert } from "../../ui/alert.tsx";
import {
  dataEnd,
  dataRowCount,
  effectiveHeader,
  fileProblems,
  PREVIEW_ROWS,
  tableWidth,
} from "./preview-model.ts";
import { SheetPicker } from "./sheet-picker.tsx";
import { SummaryRowsNotice } from "./summary-rows-notice.tsx";
import type { ParseSummary } from "./worker/protocol.ts";

const HEADER_CHOICES = 30;
const NO_HEADER = "none";

const ENCODING_MESSAGES: Record<CsvEncoding, MessageId> = {
  "utf-8": "csvImport.encoding.utf8",
  "utf-16le": "csvImport.encoding.utf16le",
  "utf-16be": "csvImport.encoding.utf16be",
  shift_jis: "csvImport.encoding.shiftJis",
  "windows-1252": "csvImport.encoding.windows1252",
};

const DELIMITER_MESSAGES: Record<CsvDelimiter, MessageId> = {
  ",": "csvImport.delimiter.comma",
  ";": "csvImport.delimiter.semicolon",
  "\t": "csvImport.delimiter.tab",
  "|": "csvImport.delimiter.pipe",
};

export interface PreviewStepProps {
  summary: ParseSummary;
  headerRow: number | null;
  skipSummary: boolean;
  onSkipSummary(skip: boolean): void;
  onEncoding(encoding: CsvEncoding): void;
  onDelimiter(delimiter: CsvDelimiter): void;
  onHeaderRow(row: number | null): void;
  onSheet(sheet: number): void;
}

function isEncoding(value: string): value is CsvEncoding {
  return CSV_ENCODINGS.some((encoding) => encoding === value);
}
function isDelimiter(value: string): value is CsvDelimiter {
  return CSV_DELIMITERS.some((delimiter) => delimiter === value);
}

/** Fields beyond the header's width are highlighted: they will not be imported. */
function extraClass(col: number, width: number, record: readonly string[]): string | undefined {
  return col >= width && col < record.length ? "csv-import-table__extra" : undefined;
}

/** Step 1: how the file was read (encoding, delimiter, header row), with the first rows and any problems. */
export function PreviewStep(props: PreviewStepProps) {
  const { summary, headerRow, onEncoding, onDelimiter, onHeaderRow } = props;
  const t = useT();
  const format = useFormat();
  const explain = useIssueText();
  const id = useId();
  const width = tableWidth(summary, headerRow);
  const names = columnNames(effectiveHeader(summary, headerRow), width, (column) =>
    t("csvImport.column.positional", { column }),
  );
  const firstData = headerRow === null ? 0 : headerRow + 1;
  const shown = summary.preview.slice(0, firstData + PREVIEW_ROWS);
  const problems = fileProblems(summary, headerRow);
  const end = dataEnd(summary, headerRow, props.skipSummary);
  const rows = dataRowCount(summary, headerRow, end);
  const summaryFrom = end ?? Number.POSITIVE_INFINITY;
  const headerChoices = Math.min(HEADER_CHOICES, summary.preview.length);
  const widest = shown.reduce((max, record) => Math.max(max, record.length), width);

  return (
    <div className="csv-import-preview">
      <div className="csv-import-settings">
        {summary.workbook ? (
          <SheetPicker id={id} workbook={summary.workbook} onSheet={props.onSheet} />
        ) : (
          <>
            <div className="csv-import-field">
              <label className="csv-import-field__label" htmlFor={`${id}-encoding`}>
                {t("csvImport.encoding")}
              </label>
              <select
                id={`${id}-encoding`}
                aria-describedby={`${id}-encoding-hint`}
                value={summary.encoding}
                onChange={(event) => isEncoding(event.target.value) && onEncoding(event.target.value)}
              >
                {CSV_ENCODINGS.map((encoding) => (
                  <option key={encoding} value={encoding}>
                    {encoding === summary.detectedEncoding.encoding
                      ? t("csvImport.detected", { option: t(ENCODING_MESSAGES[encoding]) })
                      : t(ENCODING_MESSAGES[encoding])}
                  </option>
                ))}
              </select>
              <span className="csv-import-field__hint" id={`${id}-encoding-hint`}>
                {t(`csvImport.encodingReason.${summary.detectedEncoding.reason}`)}
              </span>
            </div>
            <div className="csv-import-field">
              <label className="csv-import-field__label" htmlFor={`${id}-delimiter`}>
                {t("csvImport.delimiter")}
              </label>
              <select
                id={`${id}-delimiter`}
                aria-describedby={`${id}-delimiter-hint`}
                value={summary.delimiter}
                onChange={(event) => isDelimiter(event.target.value) && onDelimiter(event.target.value)}
              >
                {CSV_DELIMITERS.map((delimiter) => (
                  <option key={delimiter} value={delimiter}>
                    {delimiter === summary.detectedDelimiter
                      ? t("csvImport.detected", { option: t(DELIMITER_MESSAGES[delimiter]) })
                      : t(DELIMITER_MESSAGES[delimiter])}
                  </option>
                ))}
              </select>
              <span className="csv-import-field__hint" id={`${id}-delimiter-hint`}>
                {t("csvImport.delimiterHint")}
              </span>
            </div>
          </>
        )}
        <div className="csv-import-field">
          <label className="csv-import-field__label" htmlFor={`${id}-header`}>
            {t("csvImport.headerRow")}
          </label>
          <select
            id={`${id}-header`}
            aria-describedby={`${id}-header-hint`}
            value={headerRow === null ? NO_HEADER : String(headerRow)}
            onChange={(event) =>
              onHeaderRow(event.target.value === NO_HEADER ? null : Number(event.target.value))
            }
          >
            {Array.from({ length: headerChoices }, (_, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: row numbers are the options themselves.
              <option key={index} value={String(index)}>
                {index === summary.detectedHeaderRow
                  ? t("csvImport.detected", { option: t("csvImport.rowN", { row: index + 1 }) })
                  : t("csvImport.rowN", { row: index + 1 })}
              </option>
            ))}
            <option value={NO_HEADER}>{t("csvImport.noHeader")}</option>
          </select>
          <span className="csv-import-field__hint" id={`${id}-header-hint`}>
            {t("csvImport.headerHint")}
          </span>
        </div>
        <dl className="csv-import-facts">
          <div>
            <dt>{t("csvImport.facts.rows")}</dt>
            <dd>{format.number(rows)}</dd>
          </div>
          <div>
            <dt>{t("csvImport.facts.columns")}</dt>
            <dd>{format.number(width)}</dd>
          </div>
          <div>
            <dt>{t("csvImport.facts.size")}</dt>
            <dd>{format.bytes(summary.timings.bytes)}</dd>
          </div>
        </dl>
      </div>

      {problems
        .filter((p) => p.blocking)
        .map((problem) => (
          <Alert key={problem.kind} tone="danger" title={t("csvImport.blocked")}>
            {explain(problem.issue)}
          </Alert>
        ))}
      {problems.some((p) => !p.blocking) ? (
        <section className="csv-import-problems" aria-label={t("csvImport.problems")}>
          <h3 className="csv-import-problems__title">
            {t("csvImport.toCheck", { count: problems.filter((p) => !p.blocking).length })}
          </h3>
          <ul>
            {problems
              .filter((p) => !p.blocking)
              .map((problem) => (
                <li key={`${problem.kind}\u0000${JSON.stringify(problem.issue.values)}`}>
                  {explain(problem.issue)}
                </li>
              ))}
          </ul>
        </section>
      ) : null}

      {summary.summaryRows && summary.summaryRows.from > firstData ? (
        <SummaryRowsNotice
          summaryRows={summary.summaryRows}
          width={width}
          skip={props.skipSummary}
          onSkip={props.onSkipSummary}
        />
      ) : null}

      <div className="csv-import-table-wrap">
        <table className="csv-import-table" aria-label={t("csvImport.filePreview")}>
          <caption className="visually-hidden">
            {t("csvImport.previewCaption", { shown: Math.min(PREVIEW_ROWS, rows), rows })}
          </caption>
          <thead>
            <tr>
              <th scope="col" className="csv-import-table__rownum">
                {t("grid.rowHeader")}
              </th>
              {names.map((name, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: column names may repeat; position identifies them.
                <th scope="col" key={`${index}-${name}`}>
                  {name}
                </th>
              ))}
              {Array.from({ length: widest - width }, (_, extra) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: positional.
                <th scope="col" key={`extra-${extra}`} className="csv-import-table__extra">
                  {t("csvImport.extraField")}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((record, index) => {
              const role =
                index === headerRow
                  ? "header"
                  : index < firstData || index >= summaryFrom
                    ? "skipped"
                    : "data";
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: preview rows are positional and never reorder.
                <tr key={index} className={`csv-import-table__row--${role}`}>
                  <th scope="row" className="csv-import-table__rownum">
                    <button
                      type="button"
                      className="csv-import-rowbutton"
                      aria-label={t("csvImport.useAsHeaderNamed", { row: index + 1 })}
                      aria-pressed={index === headerRow}
                      title={role === "header" ? t("csvImport.headerRow") : t("csvImport.useAsHeader")}
                      onClick={() => onHeaderRow(index)}
                    >
                      {index + 1}
                    </button>
                    {role === "header" ? (
                      <span className="csv-import-tag">{t("csvImport.tag.header")}</span>
                    ) : null}
                    {role === "skipped" && index >= summaryFrom ? (
                      <span className="csv-import-tag csv-import-tag--muted">
                        {t("csvImport.summaryRows.tag")}
                      </span>
                    ) : role === "skipped" ? (
                      <span className="csv-import-tag csv-import-tag--muted">
                        {t("csvImport.tag.skipped")}
                      </span>
                    ) : null}
                  </th>
                  {Array.from({ length: widest }, (_, col) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional.
                    <td key={col} className={extraClass(col, width, record)}>
                      {record[col] ?? ""}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="csv-import-footnote">
        {t("csvImport.footnote", {
          shown: Math.min(PREVIEW_ROWS, Math.max(0, shown.length - firstData)),
          rows,
          time: format.milliseconds(Math.round(summary.timings.decodeMs + summary.timings.parseMs)),
        })}
      </p>
    </div>
  );
}
