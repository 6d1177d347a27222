import { zodResolver } from "@hookform/resolvers/zod";
import { useQueries } from "@tanstack/react-query";
import { useId, useMemo, useState } from "react";
import { Controller, useFieldArray, useForm } from "react-hook-form";
import {
  associationColumnKey,
  type ColumnKey,
  parseAssociationColumnKey,
} from "../../../domain/batch/columns.ts";
import type { BatchRow, RowId } from "../../../domain/batch/row.ts";
import {
  associationKeysOf,
  associationRowsToCells,
  deriveAssociationRows,
} from "../../../domain/columns/association-rows.ts";
import {
  associationColumn,
  associationColumns,
  type LabelsByTarget,
} from "../../../domain/columns/build-columns.ts";
import type { ColumnDef } from "../../../domain/columns/column-def.ts";
import { localToday } from "../../../domain/validation/today.ts";
import {
  ASSOCIATION_TARGET_TYPES,
  ASSOCIATION_TARGETS,
  type AssociationTargetType,
} from "../../../hubspot/association-catalogue.ts";
import { useT } from "../../../i18n/use-t.ts";
import { associationLabelsQuery } from "../../../lib/api/get-association-labels.ts";
import { useBatchSnapshot, useBatchStore } from "../../../lib/batch-store-context.tsx";
import { Button } from "../../../ui/button.tsx";
import { Dialog } from "../../../ui/dialog.tsx";
import { browserNormalizeContext } from "../grid/cell-format.ts";
import { PropertyField } from "./property-field.tsx";
import { RecordLookup } from "./record-lookup.tsx";
import { type RowDetailValues, rowDetailSchema } from "./row-detail-schema.ts";
import { useAssociationNames } from "./use-association-names.ts";
import "./panels.css";

export interface RowDetailPanelProps {
  rowId: RowId;
  columns: readonly ColumnDef[];
  onClose(): void;
}

/** One quote row as a form: its properties and its association rows (target, record, one or more labels). */
export function RowDetailPanel({ rowId, columns, onClose }: RowDetailPanelProps) {
  const { rows } = useBatchSnapshot();
  // The form edits the row as it was when opened; later grid edits do not reset what the user typed.
  const [opened] = useState(() => {
    const index = rows.findIndex((row) => row.id === rowId);
    return { index, row: rows[index] };
  });
  const formId = useId();
  const t = useT();
  return (
    <Dialog
      open
      onClose={onClose}
      title={opened.row ? t("rowDetail.title", { row: opened.index + 1 }) : t("rowDetail.notFound")}
      size="lg"
      footer={
        opened.row ? (
          <>
            <Button onClick={onClose}>{t("common.cancel")}</Button>
            <Button variant="primary" type="submit" form={formId}>
              {t("rowDetail.save")}
            </Button>
          </>
        ) : (
          <Button onClick={onClose}>{t("common.close")}</Button>
        )
      }
    >
      {opened.row ? (
        <RowDetailForm formId={formId} row={opened.row} columns={columns} onDone={onClose} />
      ) : (
        <p>{t("rowDetail.deleted")}</p>
      )}
    </Dialog>
  );
}

function combineLabels(results: readonly { data?: LabelsByTarget[AssociationTargetType] }[]) {
  return results.map((result) => result.data);
}

function useLabelOptions(row: BatchRow, keys: readonly ColumnKey[]) {
  const labelData = useQueries({
    queries: ASSOCIATION_TARGET_TYPES.map((type) => associationLabelsQuery(type)),
    combine: combineLabels,
  });
  const names = useAssociationNames();
  return useMemo(() => {
    const labels: LabelsByTarget = {};
    ASSOCIATION_TARGET_TYPES.forEach((type, i) => {
      const data = labelData[i];
      if (data) labels[type] = data;
    });
    const all = associationColumns(labels, names);
    // A label the row already uses stays offered even if the labels endpoint no longer lists it.
    for (const key of associationKeysOf(row.cells, keys)) {
      const parsed = parseAssociationColumnKey(key);
      if (parsed && !all.some((column) => column.key === key))
        all.push(associationColumn(parsed, undefined, names));
    }
    const byTarget = new Map<AssociationTargetType, ColumnDef[]>();
    for (const column of all) {
      if (column.kind !== "association") continue;
      const list = byTarget.get(column.association.toObjectType) ?? [];
      list.push(column);
      byTarget.set(column.association.toObjectType, list);
    }
    return byTarget;
  }, [labelData, row, keys, names]);
}

function defaultLabelKey(type: AssociationTargetType): ColumnKey {
  return associationColumnKey({
    toObjectType: type,
    category: "HUBSPOT_DEFINED",
    typeId: ASSOCIATION_TARGETS[type].defaultTypeId,
  });
}

function RowDetailForm({
  formId,
  row,
  columns,
  onDone,
}: {
  formId: string;
  row: BatchRow;
  columns: readonly ColumnDef[];
  onDone(): void;
}) {
  const store = useBatchStore();
  const t = useT();
  const columnKeys = useMemo(() => columns.map((column) => column.key), [columns]);
  const assocKeys = useMemo(() => associationKeysOf(row.cells, columnKeys), [row, columnKeys]);
  const labelOptions = useLabelOptions(row, columnKeys);
  const propertyColumns = columns.flatMap((column) => (column.kind === "property" ? [column] : []));
  const schema = useMemo(() => rowDetailSchema(columns, localToday(), browserNormalizeContext), [columns]);
  const form = useForm<RowDetailValues>({
    resolver: zodResolver(schema),
    defaultValues: {
      properties: Object.fromEntries(
        propertyColumns.map((column) => [column.key, row.cells[column.key] ?? ""]),
      ),
      associations: deriveAssociationRows(row.cells, assocKeys),
    },
  });
  const associations = useFieldArray({ control: form.control, name: "associations" });
  const errors = form.formState.errors;

  const save = (values: RowDetailValues) => {
    const next = { ...values.properties, ...associationRowsToCells(values.associations, assocKeys) };
    const edits = Object.entries(next)
      .filter(([key, value]) => (row.cells[key] ?? "") !== value)
      .map(([key, value]) => ({ rowId: row.id, key, value }));
    // One operation, so one Ctrl+Z undoes the whole panel edit.
    if (edits.length > 0) store.apply({ type: "set-cells", edits }, "edit-row-details");
    onDone();
  };

  return (
    <form id={formId} className="composer-row-detail" onSubmit={form.handleSubmit(save)} noValidate>
      <section aria-labelledby={`${formId}-props`}>
        <h3 id={`${formId}-props`}>{t("rowDetail.properties")}</h3>
        <div className="composer-row-detail__grid">
          {propertyColumns.map((column) => (
            <PropertyField
              key={column.key}
              id={`${formId}-${column.key}`}
              property={column.property}
              label={column.label}
              current={row.cells[column.key] ?? ""}
              error={errors.properties?.[column.key]?.message}
              register={form.register}
              control={form.control}
            />
          ))}
        </div>
      </section>
      <section aria-labelledby={`${formId}-assoc`}>
        <h3 id={`${formId}-assoc`}>{t("rowDetail.associations")}</h3>
        {associations.fields.length === 0 ? (
          <p className="composer-muted">{t("rowDetail.noAssociations")}</p>
        ) : null}
        <ol className="composer-row-detail__assocs">
          {associations.fields.map((field, index) => {
            const type = form.watch(`associations.${index}.toObjectType`);
            const rowErrors = errors.associations?.[index];
            const n = index + 1;
            return (
              <li key={field.id} className="composer-row-detail__assoc">
                <label className="composer-field">
                  <span>{t("rowDetail.assocType", { n })}</span>
                  <select
                    {...form.register(`associations.${index}.toObjectType`, {
                      onChange: (event) => {
                        const nextType = ASSOCIATION_TARGET_TYPES.find((type) => type === event.target.value);
                        if (!nextType) return;
                        form.setValue(`associations.${index}.labelKeys`, [defaultLabelKey(nextType)]);
                        form.setValue(`associations.${index}.recordId`, "");
                      },
                    })}
                  >
                    {ASSOCIATION_TARGET_TYPES.map((target) => (
                      <option key={target} value={target}>
                        {t(`object.${target}.one`)}
                      </option>
                    ))}
                  </select>
                </label>
                <div className="composer-field">
                  <span>{t("rowDetail.assocRecord", { n })}</span>
                  <Controller
                    control={form.control}
                    name={`associations.${index}.recordId`}
                    render={({ field: recordField }) => (
                      <RecordLookup
                        objectType={type}
                        value={recordField.value}
                        multiple={false}
                        label={t("rowDetail.assocRecord", { n })}
                        onChange={recordField.onChange}
                      />
                    )}
                  />
                  {rowErrors?.recordId ? (
                    <span className="composer-field__error">{t("rowDetail.pickRecord")}</span>
                  ) : null}
                </div>
                <Controller
                  control={form.control}
                  name={`associations.${index}.labelKeys`}
                  render={({ field: labelsField }) => (
                    <fieldset className="composer-field">
                      <legend>{t("rowDetail.assocLabels", { n })}</legend>
                      {(labelOptions.get(type) ?? []).map((option) => (
                        <label key={option.key} className="composer-check">
                          <input
                            type="checkbox"
                            checked={labelsField.value.includes(option.key)}
                            onChange={(event) =>
                              labelsField.onChange(
                                event.target.checked
                                  ? [...labelsField.value, option.key]
                                  : labelsField.value.filter((key) => key !== option.key),
                              )
                            }
                          />
                          <span>{option.label}</span>
                        </label>
                      ))}
                      {rowErrors?.labelKeys ? (
                        <span className="composer-field__error">{t("rowDetail.pickLabel")}</span>
                      ) : null}
                    </fieldset>
                  )}
                />
                <Button variant="ghost" size="sm" onClick={() => associations.remove(index)}>
                  {t("rowDetail.removeAssoc", { n })}
                </Button>
              </li>
            );
          })}
        </ol>
        <Button
          size="sm"
          onClick={() =>
            associations.append({
              toObjectType: "deals",
              recordId: "",
              labelKeys: [defaultLabelKey("deals")],
            })
          }
        >
          {t("rowDetail.addAssoc")}
        </Button>
      </section>
    </form>
  );
}
