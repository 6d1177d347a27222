import { useId, useState } from "react";

/** Pasting CSV text is its own box, so Ctrl+V in the grid keeps pasting cells. */
export function PasteStep({ formId, onText }: { formId: string; onText(text: string): void }) {
  const [text, setText] = useState("");
  const hintId = useId();
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
        <span className="csv-import-field__label">Paste CSV text</span>
        <textarea
          value={text}
          onChange={(event) => setText(event.target.value)}
          rows={12}
          spellCheck={false}
          aria-describedby={hintId}
          className="csv-import-paste__text"
          placeholder={"Title,Expiration date,Deal ID\nSpring renewal,2025-06-30,1234"}
        />
      </label>
      <p id={hintId} className="csv-import-field__hint">
        Comma, semicolon, tab or pipe separated, with or without a header row.
      </p>
    </form>
  );
}
