import { useId, useState } from "react";
import { useT } from "../../i18n/use-t.ts";

/** Pasting CSV text is its own box, so Ctrl+V in the grid keeps pasting cells. */
export function PasteStep({ formId, onText }: { formId: string; onText(text: string): void }) {
  const [text, setText] = useState("");
  const hintId = useId();
  const t = useT();
  return (
    <form
      id={formId}
      className="csv-import-paste"
      onSubmit={(event) => {
        event.preventDefault();
        onText(text);
      }}
    >
      <label className="csv-import-field">
        <span className="csv-import-field__label">{t("csvImport.title.paste")}</span>
        <textarea
          value={text}
          onChange={(event) => setText(event.target.value)}
          rows={12}
          spellCheck={false}
          aria-describedby={hintId}
          className="csv-import-paste__text"
          placeholder={t("csvImport.paste.placeholder")}
        />
      </label>
      <p id={hintId} className="csv-import-field__hint">
        {t("csvImport.paste.hint")}
      </p>
    </form>
  );
}
