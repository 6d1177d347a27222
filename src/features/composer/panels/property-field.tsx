import type { ReactNode } from "react";
import { type Control, Controller, type UseFormRegister } from "react-hook-form";
import { splitMultiValue } from "../../../hubspot/codecs.ts";
import type { Property } from "../../../hubspot/properties.ts";
import { isMultiSelect } from "../../../hubspot/properties.ts";
import { useT } from "../../../i18n/use-t.ts";
import type { RowDetailValues } from "./row-detail-schema.ts";

interface PropertyFieldProps {
  property: Property;
  label: string;
  id: string;
  error?: string;
  current: string;
  register: UseFormRegister<RowDetailValues>;
  control: Control<RowDetailValues>;
}

/**
 * One property in the row detail form, with the control its type calls for. Values are wire strings; a
 * value the options do not know stays selectable so it is never silently dropped.
 */
export function PropertyField({
  property,
  label,
  id,
  error,
  current,
  register,
  control,
}: PropertyFieldProps) {
  const t = useT();
  const name = `properties.${property.name}` as const;
  const describedBy = error ? `${id}-error` : undefined;
  const common = { id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy };
  let input: ReactNode;
  if (property.type === "enumeration" && isMultiSelect(property)) {
    return (
      <fieldset className="composer-field" aria-describedby={describedBy}>
        <legend>{label}</legend>
        <Controller
          control={control}
          name={name}
          render={({ field }) => {
            const chosen = new Set(splitMultiValue(field.value ?? ""));
            return (
              <>
                {property.options.map((option) => (
                  <label key={option.value} className="composer-check">
                    <input
                      type="checkbox"
                      checked={chosen.has(option.value)}
                      onChange={(event) => {
                        const next = property.options
                          .map((o) => o.value)
                          .filter((v) => (v === option.value ? event.target.checked : chosen.has(v)));
                        const unknown = [...chosen].filter(
                          (v) => !property.options.some((o) => o.value === v),
                        );
                        field.onChange([...next, ...unknown].join(";"));
                      }}
                    />
                    <span>{option.label}</span>
                  </label>
                ))}
              </>
            );
          }}
        />
        {error ? (
          <span id={`${id}-error`} className="composer-field__error">
            {error}
          </span>
        ) : null}
      </fieldset>
    );
  }
  if (property.type === "enumeration" || property.type === "bool") {
    const options =
      property.type === "bool"
        ? [
            { value: "true", label: t("common.yes") },
            { value: "false", label: t("common.no") },
          ]
        : property.options.map((option) => ({ value: option.value, label: option.label }));
    const unknown = current !== "" && !options.some((option) => option.value === current);
    input = (
      <select {...common} {...register(name)}>
        <option value="">{t("common.empty")}</option>
        {unknown ? <option value={current}>{t("common.valueNotAnOption", { value: current })}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    );
  } else if (property.fieldType === "textarea" || (property.type === "string" && current.includes("\n"))) {
    // A one-line field with a line break in it (pasted from a spreadsheet) keeps it: an <input> would drop
    // the break, and saving would change the value.
    input = <textarea rows={3} {...common} {...register(name)} />;
  } else {
    const placeholder =
      property.type === "date"
        ? "YYYY-MM-DD"
        : property.type === "datetime"
          ? "YYYY-MM-DDTHH:MM:SSZ"
          : undefined;
    input = (
      <input
        type="text"
        inputMode={property.type === "number" ? "decimal" : undefined}
        placeholder={placeholder}
        {...common}
        {...register(name)}
      />
    );
  }
  return (
    <div className="composer-field">
      <label htmlFor={id}>{label}</label>
      {input}
      {error ? (
        <span id={`${id}-error`} className="composer-field__error">
          {error}
        </span>
      ) : null}
    </div>
  );
}
