import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useMemo, useRef, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { MatchConfidence } from "../../domain/csv/auto-match.ts";
import { checkMapping } from "../../domain/csv/auto-match.ts";
import { hasLineTargets, isLineTargetKey } from "../../domain/csv/group-lines.ts";
import type { ImportProfile } from "../../domain/csv/import-profile.ts";
import { profileTargets } from "../../domain/csv/import-profile.ts";
import { defaultGroupKey, groupKeyCandidates } from "../../domain/csv/line-targets.ts";
import { headerSignature } from "../../domain/csv/normalize.ts";
import type { MappingTarget } from "../../domain/csv/targets.ts";
import { unmappedColumns } from "../../domain/csv/unmapped.ts";
import type { DateOrder } from "../../domain/values/dates.ts";
import type { Property } from "../../hubspot/properties.ts";
import { useFormat } from "../../i18n/language-provider.tsx";
import { useT } from "../../i18n/use-t.ts";
import { forgetMapping, loadMapping, saveMapping } from "../../lib/storage/csv-mappings.ts";
import { Alert } from "../../ui/alert.tsx";
import { Badge, type Tone } from "../../ui/badge.tsx";
import { Button } from "../../ui/button.tsx";
import type { MappingValues } from "./mapping-form.ts";
import { duplicateOf, importColumns, initialMatches, mappingSchema, toRemembered } from "./mapping-form.ts";
import { ProfileBar } from "./profile-bar.tsx";
import { targetLabel } from "./target-label.ts";
import { UnmappedNotice } from "./unmapped-notice.tsx";
import type { ImportReport } from "./use-csv-import.ts";
import type { CsvWorkerClient } from "./worker/csv-worker-client.ts";
import type { AnalyseSummary } from "./worker/protocol.ts";

export interface MappingStepProps {
  formId: string;
  headers: string[];
  /** The first raw values per column, to recognise it. */
  samples: string[][];
  targets: MappingTarget[];
  properties: readonly Property[];
  client: CsvWorkerClient;
  headerRow: number | null;
  /** Records from here on (skipped summary rows) are not imported. */
  dataEnd: number | null;
  defaultDateOrder: DateOrder;
  batchRows: number;
  onReady(ready: { rows: number; busy: boolean; blocked: boolean }): void;
  onImport(mode: "append" | "replace", report: ImportReport): void;
}

const TONES: Record<MatchConfidence["kind"], Tone> = {
  exact: "success",
  alias: "success",
  fuzzy: "warning",
  remembered: "info",
  manual: "neutral",
  none: "neutral",
};

/** Step 2: each column → a property, an association or Ignore, with the converted values previewed. */
export function MappingStep(props: MappingStepProps) {
  const { headers, targets, client, headerRow, dataEnd, onReady } = props;
  const t = useT();
  const format = useFormat();
  const signature = useMemo(() => headerSignature(headers), [headers]);
  const [initial] = useState(() => initialMatches(headers, targets, loadMapping(signature)));
  const [confidence, setConfidence] = useState(() => initial.map((match) => match.confidence));
  const schema = useMemo(() => mappingSchema(headers), [headers]);
  const form = useForm<MappingValues>({
    resolver: zodResolver(schema),
    mode: "onChange",
    defaultValues: { columns: initial.map((match) => ({ target: match.targetKey ?? "" })), mode: "append" },
  });
  const columns = useWatch({ control: form.control, name: "columns" });
  const mode = useWatch({ control: form.control, name: "mode" });
  const [dateOrder, setDateOrder] = useState<DateOrder | null>(null);
  const [analysis, setAnalysis] = useState<{ key: string; summary: AnalyseSummary } | null>(null);
  const [confirmReplace, setConfirmReplace] = useState(false);
  const [profile, setProfile] = useState<ImportProfile | undefined>(undefined);
  const latest = useRef("");

  const values: MappingValues = { columns, mode };
  const chosen = importColumns(values, targets);
  const analysisKey = JSON.stringify([
    headerRow,
    dataEnd,
    dateOrder,
    chosen.map((c) => [c.column, c.target.key]),
  ]);
  const targetKeys = columns.map((column) => column.target || null);
  const chosenTargets = chosen.map((c) => c.target);
  const groupsLines = hasLineTargets(chosenTargets.map((target) => target.key));
  const groupCandidates = groupKeyCandidates(chosenTargets);
  const [groupBy, setGroupBy] = useState<string | undefined>(undefined);
  const groupKey =
    groupBy && groupCandidates.some((target) => target.key === groupBy)
      ? groupBy
      : defaultGroupKey(chosenTargets);
  const check = checkMapping(targetKeys, targets);
  const unmapped = unmappedColumns(headers, targetKeys, props.properties);

  // biome-ignore lint/correctness/useExhaustiveDependencies: analysisKey covers columns, date order and header row.
  useEffect(() => {
    latest.current = analysisKey;
    const timer = setTimeout(() => {
      const request = importColumns({ columns, mode: "append" }, targets);
      client
        .analyse(headerRow, dataEnd, request, dateOrder, props.defaultDateOrder)
        .then((summary) => {
          if (latest.current === analysisKey) setAnalysis({ key: analysisKey, summary });
        })
        .catch(() => {});
    }, 60);
    return () => clearTimeout(timer);
  }, [analysisKey]);

  const current = analysis?.key === analysisKey ? analysis.summary : null;
  const rows = current?.rowCount ?? 0;
  const attention = current?.columns.reduce((sum, column) => sum + column.stats.invalid, 0) ?? 0;
  const blocked = check.duplicates.length > 0 || chosen.length === 0;
  useEffect(() => onReady({ rows, busy: current === null, blocked }), [rows, current, blocked, onReady]);

  const byColumn = new Map(current?.columns.map((column) => [column.column, column]));
  const dateInfo = current?.dateAnalysis;
  const showDateOrder = dateInfo && (dateInfo.ambiguous || dateInfo.conflicting || dateOrder !== null);

  const submit = form.handleSubmit((submitted) => {
    if (!current) return;
    if (submitted.mode === "replace" && props.batchRows > 0 && !confirmReplace) {
      setConfirmReplace(true);
      return;
    }
    saveMapping(signature, toRemembered(headers, submitted));
    props.onImport(submitted.mode, {
      attention,
      ignored: unmapped.map((column) => column.header),
      ...(groupsLines ? { groupBy: groupKey } : {}),
      ...(profile?.defaults ? { profile: { name: profile.name, defaults: profile.defaults } } : {}),
    });
  });

  const reset = () => {
    forgetMapping(signature);
    const fresh = initialMatches(headers, targets, undefined);
    form.reset({ columns: fresh.map((match) => ({ target: match.targetKey ?? "" })), mode });
    setConfidence(fresh.map((match) => match.confidence));
    setDateOrder(null);
  };

  // A profile sets the columns it knows (targets this portal still has), its grouping and date order.
  const applyProfile = (chosen: ImportProfile) => {
    const known = new Set(targets.map((target) => target.key));
    const byColumn = profileTargets(chosen, headers);
    const next = columns.map((column, index) => {
      const target = byColumn[index];
      if (target === undefined) return column.target;
      return target === null ? "" : known.has(target) ? target : column.target;
    });
    form.reset({ columns: next.map((target) => ({ target })), mode });
    setConfidence((previous) =>
      previous.map((value, index) => (byColumn[index] === undefined ? value : { kind: "remembered" })),
    );
    if (chosen.groupBy) setGroupBy(chosen.groupBy);
    if (chosen.dateOrder) setDateOrder(chosen.dateOrder);
    setProfile(chosen);
  };

  const propertyTargets = targets.filter(
    (target) => target.kind === "property" && !isLineTargetKey(target.key),
  );
  const lineTargets = targets.filter((target) => isLineTargetKey(target.key));
  const associationTargets = targets.filter((target) => target.kind === "association");

  return (
    <form id={props.formId} className="csv-import-mapping" onSubmit={submit} noValidate>
      <div className="csv-import-mapping__bar">
        <p className="csv-import-mapping__lead">{t("csvImport.map.lead")}</p>
        <Button size="sm" variant="ghost" onClick={reset}>
          {t("csvImport.map.reset")}
        </Button>
      </div>

      <ProfileBar
        headers={headers}
        targets={targetKeys}
        groupBy={groupsLines ? groupKey : undefined}
        dateOrder={dateOrder}
        applied={profile}
        onApply={applyProfile}
      />
      {check.missingRequired.length > 0 ? (
        <Alert tone="warning" title={t("csvImport.map.requiredTitle")}>
          {t("csvImport.map.required", {
            count: check.missingRequired.length,
            fields: format.list(check.missingRequired.map((target) => targetLabel(target, t))),
          })}
        </Alert>
      ) : null}
      <UnmappedNotice columns={unmapped} />
      {check.duplicates.length > 0 ? (
        <Alert tone="danger" title={t("csvImport.map.duplicatesTitle")}>
          {t("csvImport.map.duplicates", {
            pairs: check.duplicates
              .map(({ targetKey, columns: cols }) =>
                t("csvImport.map.duplicatePair", {
                  columns: format.list(cols.map((c) => t("paste.quoted", { name: headers[c] ?? "" }))),
                  field: targets.find((target) => target.key === targetKey)?.label ?? targetKey,
                }),
              )
              .join(t("csvImport.map.pairSeparator")),
          })}
        </Alert>
      ) : null}
      {showDateOrder ? (
        <div
          className={`csv-import-dateorder${dateInfo.conflicting ? " csv-import-dateorder--conflict" : ""}`}
        >
          <label className="csv-import-field csv-import-field--inline">
            <span className="csv-import-field__label">{t("csvImport.map.dateOrder")}</span>
            <select
              value={dateOrder ?? current?.dateOrder ?? "MDY"}
              onChange={(event) => setDateOrder(event.target.value === "DMY" ? "DMY" : "MDY")}
            >
              <option value="MDY">{t("csvImport.map.mdy")}</option>
              <option value="DMY">{t("csvImport.map.dmy")}</option>
            </select>
          </label>
          <span className="csv-import-field__hint">
            {dateInfo.conflicting
              ? t("csvImport.map.dateMixed", { dmy: dateInfo.dmyOnly, mdy: dateInfo.mdyOnly })
              : dateInfo.ambiguous
                ? t("csvImport.map.dateAmbiguous")
                : t("csvImport.map.dateChosen")}
          </span>
        </div>
      ) : null}

      <div className="csv-import-table-wrap csv-import-table-wrap--mapping">
        <table className="csv-import-table csv-import-maptable" aria-label={t("csvImport.map.table")}>
          <thead>
            <tr>
              <th scope="col">{t("csvImport.map.colFile")}</th>
              <th scope="col">{t("csvImport.map.colTarget")}</th>
              <th scope="col">{t("csvImport.map.colMatch")}</th>
              <th scope="col">{t("csvImport.map.colPreview")}</th>
              <th scope="col">{t("csvImport.map.colValues")}</th>
            </tr>
          </thead>
          <tbody>
            {headers.map((header, index) => {
              const field = form.register(`columns.${index}.target`, {
                onChange: () =>
                  setConfidence((previous) =>
                    previous.map((value, i) => (i === index ? { kind: "manual" } : value)),
                  ),
              });
              const error = form.formState.errors.columns?.[index]?.target?.message;
              const selected = columns[index]?.target ?? "";
              const info = byColumn.get(index);
              const match = confidence[index] ?? { kind: "none" };
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: one row per file column, by position.
                <tr key={index} className={selected === "" ? "csv-import-maptable__row--ignored" : undefined}>
                  <th scope="row">
                    <span className="csv-import-maptable__header">{header}</span>
                    <span className="csv-import-maptable__samples">
                      {props.samples[index]
                        ?.filter((v) => v !== "")
                        .slice(0, 3)
                        .join(" · ") || t("common.empty")}
                    </span>
                  </th>
                  <td>
                    <select
                      {...field}
                      aria-label={t("csvImport.map.importAs", { header })}
                      data-autofocus={index === 0 ? "" : undefined}
                      aria-invalid={error ? true : undefined}
                      className="csv-import-maptable__select"
                    >
                      <option value="">{t("csvImport.map.ignore")}</option>
                      <optgroup label={t("csvImport.map.quoteProperties")}>
                        {propertyTargets.map((target) => (
                          <option key={target.key} value={target.key}>
                            {target.kind === "property" && target.required
                              ? t("csvImport.map.requiredOption", { label: targetLabel(target, t) })
                              : targetLabel(target, t)}
                          </option>
                        ))}
                      </optgroup>
                      <optgroup label={t("csvImport.map.associations")}>
                        {associationTargets.map((target) => (
                          <option key={target.key} value={target.key}>
                            {targetLabel(target, t)}
                          </option>
                        ))}
                      </optgroup>
                      {lineTargets.length > 0 ? (
                        <optgroup label={t("csvImport.map.lineTargets")}>
                          {lineTargets.map((target) => (
                            <option key={target.key} value={target.key}>
                              {targetLabel(target, t)}
                            </option>
                          ))}
                        </optgroup>
                      ) : null}
                    </select>
                    {error ? (
                      <span className="csv-import-maptable__error">
                        {t("csvImport.map.duplicateColumn", { column: duplicateOf(error) ?? "" })}
                      </span>
                    ) : null}
                  </td>
                  <td>
                    {selected === "" && match.kind !== "remembered" && match.kind !== "manual" ? (
                      <Badge>{t("csvImport.match.none")}</Badge>
                    ) : (
                      <Badge tone={TONES[match.kind]}>
                        {t(`csvImport.match.${match.kind}`, {
                          score: match.kind === "fuzzy" ? match.score : 0,
                        })}
                      </Badge>
                    )}
                  </td>
                  <td className="csv-import-maptable__preview">
                    {selected === ""
                      ? "—"
                      : info
                        ? info.sample
                            .filter((v) => v !== "")
                            .slice(0, 3)
                            .join(" · ") || t("common.empty")
                        : "…"}
                  </td>
                  <td className="csv-import-maptable__stats">
                    {selected === "" || !info ? (
                      "—"
                    ) : (
                      <>
                        {info.stats.coerced > 0 ? (
                          <span>{t("csvImport.stats.converted", { count: info.stats.coerced })}</span>
                        ) : null}
                        {info.stats.unchanged > 0 ? (
                          <span>{t("csvImport.stats.asIs", { count: info.stats.unchanged })}</span>
                        ) : null}
                        {info.stats.invalid > 0 ? (
                          <span className="csv-import-maptable__invalid">
                            {t("csvImport.stats.unconverted", { count: info.stats.invalid })}
                          </span>
                        ) : null}
                        {info.stats.empty > 0 ? (
                          <span className="csv-import-muted">
                            {t("csvImport.stats.empty", { count: info.stats.empty })}
                          </span>
                        ) : null}
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      {groupsLines ? (
        <div className="csv-import-dateorder">
          <label className="csv-import-field csv-import-field--inline">
            <span className="csv-import-field__label">{t("csvImport.map.groupBy")}</span>
            <select value={groupKey} onChange={(event) => setGroupBy(event.target.value)}>
              {groupCandidates.length === 0 ? (
                <option value="hs_title">{t("csvImport.map.quoteName")}</option>
              ) : null}
              {groupCandidates.map((target) => (
                <option key={target.key} value={target.key}>
                  {targetLabel(target, t)}
                </option>
              ))}
            </select>
          </label>
          <span className="csv-import-field__hint">{t("csvImport.map.groupByHint")}</span>
        </div>
      ) : null}
      <fieldset className="csv-import-mode">
        <legend className="csv-import-field__label">{t("csvImport.map.into")}</legend>
        <label>
          <input type="radio" value="append" {...form.register("mode")} />{" "}
          {t("csvImport.map.append", { rows: props.batchRows })}
        </label>
        <label>
          <input type="radio" value="replace" {...form.register("mode")} /> {t("csvImport.map.replace")}
        </label>
      </fieldset>
      {confirmReplace ? (
        <Alert
          tone="warning"
          title={t("csvImport.map.replaceTitle", { rows: props.batchRows })}
          action={
            <>
              <Button size="sm" variant="danger" type="submit">
                {t("csvImport.map.replaceRows", { rows: props.batchRows })}
              </Button>
              <Button size="sm" onClick={() => setConfirmReplace(false)}>
                {t("csvImport.map.keep")}
              </Button>
            </>
          }
        >
          {t("csvImport.map.replaceBody", { rows: props.batchRows, fileRows: rows })}
        </Alert>
      ) : null}
      {attention > 0 && current ? (
        <p className="csv-import-footnote">{t("csvImport.map.attention", { count: attention })}</p>
      ) : null}
    </form>
  );
}
