import { type KeyboardEvent, useId, useRef, useState, useSyncExternalStore } from "react";
import type { BatchDefaults } from "../../domain/batch/defaults.ts";
import {
  createProfile,
  type ImportProfile,
  matchingProfiles,
  parseProfileFile,
  profileFileText,
} from "../../domain/csv/import-profile.ts";
import type { DateOrder } from "../../domain/values/dates.ts";
import { useT } from "../../i18n/use-t.ts";
import { downloadFile } from "../../lib/download.ts";
import { useAppServices } from "../../lib/services/app-services-context.tsx";
import { Alert } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";

export interface ProfileBarProps {
  headers: readonly string[];
  /** The current mapping: a target key per column, null for Ignore. */
  targets: readonly (string | null)[];
  groupBy: string | undefined;
  dateOrder: DateOrder | null;
  applied: ImportProfile | undefined;
  onApply(profile: ImportProfile): void;
}

const hasDefaults = (defaults: BatchDefaults) => Object.keys(defaults.cells).length > 0 || defaults.publish;

/**
 * Saved import profiles in the mapping step: a profile that fits the file is offered at once; any saved one
 * can be applied, exported as a file for the team, or deleted; the current mapping (with the batch defaults,
 * if the user wants) is saved under a name; a colleague's file is loaded and applied.
 */
export function ProfileBar(props: ProfileBarProps) {
  const t = useT();
  const { importProfiles, batch } = useAppServices();
  const profiles = useSyncExternalStore(importProfiles.subscribe, importProfiles.getSnapshot);
  const fitting = matchingProfiles(profiles, props.headers);
  const [selected, setSelected] = useState<string>("");
  const [saving, setSaving] = useState(false);
  const [name, setName] = useState("");
  const [withDefaults, setWithDefaults] = useState(true);
  const [nameError, setNameError] = useState<string | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const nameInput = useRef<HTMLInputElement>(null);
  const ids = useId();
  const chosen = profiles.find((profile) => profile.name === selected) ?? fitting[0] ?? profiles[0];
  const suggestion = props.applied ? undefined : fitting[0];
  const defaults = batch.defaults;

  const apply = (profile: ImportProfile) => {
    props.onApply(profile);
    setSelected(profile.name);
    setFileProblem(null);
    setNotice(t("csvImport.profile.applied", { name: profile.name }));
  };

  const save = () => {
    const trimmed = name.trim();
    if (trimmed === "") {
      setNameError(t("csvImport.profile.nameMissing"));
      nameInput.current?.focus();
      return;
    }
    const profile = createProfile({
      name: trimmed,
      headers: props.headers,
      targets: props.targets,
      groupBy: props.groupBy,
      dateOrder: props.dateOrder ?? undefined,
      ...(withDefaults && hasDefaults(defaults)
        ? { defaults: { cells: { ...defaults.cells }, publish: defaults.publish } }
        : {}),
      savedAt: new Date().toISOString(),
    });
    importProfiles.save(profile);
    setSelected(profile.name);
    setSaving(false);
    setNameError(null);
    setNotice(t("csvImport.profile.saved", { name: profile.name }));
  };

  // Enter in the name field saves the profile; it must not submit the mapping form (that imports).
  const onNameKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter") {
      event.preventDefault();
      save();
    } else if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      setSaving(false);
    }
  };

  const load = async (file: File) => {
    const result = parseProfileFile(await file.text());
    if (!result.ok) {
      setFileProblem(
        result.problem === "not-json"
          ? t("csvImport.profile.fileNotJson", { file: file.name })
          : result.problem === "newer-version"
            ? t("csvImport.profile.fileNewer", { file: file.name, version: result.version })
            : result.problem === "damaged"
              ? t("csvImport.profile.fileDamaged", { file: file.name, field: result.field })
              : t("csvImport.profile.fileNotProfile", { file: file.name }),
      );
      return;
    }
    importProfiles.save(result.profile);
    apply(result.profile);
  };

  return (
    <section className="csv-import-profiles" aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`} className="csv-import-field__label">
        {t("csvImport.profile.title")}
      </h3>
      {suggestion ? (
        <Alert
          tone="info"
          title={t("csvImport.profile.fits", { name: suggestion.name })}
          action={
            <Button size="sm" variant="primary" onClick={() => apply(suggestion)}>
              {t("csvImport.profile.applyNamed", { name: suggestion.name })}
            </Button>
          }
        >
          {suggestion.defaults
            ? t("csvImport.profile.fitsWithDefaults", {
                count: Object.keys(suggestion.defaults.cells).length,
              })
            : t("csvImport.profile.fitsMappingOnly")}
        </Alert>
      ) : null}
      <div className="csv-import-profiles__row">
        {profiles.length > 0 ? (
          <>
            <label className="csv-import-field csv-import-field--inline">
              <span className="csv-import-field__label">{t("csvImport.profile.saved.label")}</span>
              <select value={chosen?.name ?? ""} onChange={(event) => setSelected(event.target.value)}>
                {profiles.map((profile) => (
                  <option key={profile.name} value={profile.name}>
                    {fitting.includes(profile)
                      ? t("csvImport.profile.optionFits", { name: profile.name })
                      : profile.name}
                  </option>
                ))}
              </select>
            </label>
            <Button size="sm" disabled={!chosen} onClick={() => chosen && apply(chosen)}>
              {t("csvImport.profile.apply")}
            </Button>
            <Button
              size="sm"
              variant="ghost"
              disabled={!chosen}
              onClick={() =>
                chosen &&
                downloadFile(
                  `${chosen.name.replace(/[\\/:*?"<>|]+/g, "-")}.qbc-profile.json`,
                  new Blob([profileFileText(chosen)], { type: "application/json" }),
                )
              }
            >
              {t("csvImport.profile.export")}
            </Button>
            <Button
              size="sm"
              variant="ghost"
              disabled={!chosen}
              onClick={() => {
                if (!chosen) return;
                importProfiles.remove(chosen.name);
                setNotice(t("csvImport.profile.deleted", { name: chosen.name }));
              }}
            >
              {t("csvImport.profile.delete")}
            </Button>
          </>
        ) : (
          <span className="csv-import-field__hint">{t("csvImport.profile.none")}</span>
        )}
        <Button
          size="sm"
          aria-expanded={saving}
          onClick={() => {
            setSaving((open) => !open);
            setName(props.applied?.name ?? "");
            setNameError(null);
            setTimeout(() => nameInput.current?.focus(), 0);
          }}
        >
          {t("csvImport.profile.saveAs")}
        </Button>
        <Button size="sm" variant="ghost" onClick={() => fileInput.current?.click()}>
          {t("csvImport.profile.load")}
        </Button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          hidden
          aria-label={t("csvImport.profile.load")}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = "";
            if (file) void load(file);
          }}
        />
      </div>
      {saving ? (
        <div className="csv-import-profiles__save">
          <label className="csv-import-field csv-import-field--inline">
            <span className="csv-import-field__label">{t("csvImport.profile.name")}</span>
            <input
              ref={nameInput}
              value={name}
              maxLength={80}
              aria-invalid={nameError ? true : undefined}
              aria-describedby={nameError ? `${ids}-name-error` : `${ids}-name-hint`}
              onChange={(event) => setName(event.target.value)}
              onKeyDown={onNameKey}
            />
          </label>
          {hasDefaults(defaults) ? (
            <label className="csv-import-profiles__check">
              <input
                type="checkbox"
                checked={withDefaults}
                onChange={(event) => setWithDefaults(event.target.checked)}
              />{" "}
              {t("csvImport.profile.withDefaults", { count: Object.keys(defaults.cells).length })}
            </label>
          ) : null}
          <Button size="sm" variant="primary" onClick={save}>
            {t("csvImport.profile.save")}
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setSaving(false)}>
            {t("csvImport.profile.cancel")}
          </Button>
          {nameError ? (
            <span id={`${ids}-name-error`} className="csv-import-maptable__error" role="alert">
              {nameError}
            </span>
          ) : (
            <span id={`${ids}-name-hint`} className="csv-import-field__hint">
              {profiles.some(
                (profile) => profile.name.toLocaleLowerCase() === name.trim().toLocaleLowerCase(),
              )
                ? t("csvImport.profile.replaces")
                : t("csvImport.profile.nameHint")}
            </span>
          )}
        </div>
      ) : null}
      {fileProblem ? (
        <Alert
          tone="danger"
          title={t("csvImport.profile.fileProblemTitle")}
          onDismiss={() => setFileProblem(null)}
        >
          {fileProblem}
        </Alert>
      ) : null}
      <p className="visually-hidden" aria-live="polite">
        {notice ?? ""}
      </p>
    </section>
  );
}
