import type { ReactNode } from "react";

/** Stand-in until the composer lands: the grid of quote rows. `toolbarEnd` hosts Import CSV and Submit batch. */
export function ComposerPage({ toolbarEnd }: { toolbarEnd?: ReactNode }) {
  return (
    <section aria-label="Composer">
      <div>{toolbarEnd}</div>
      <p>Drop a CSV or paste from a spreadsheet.</p>
    </section>
  );
}
