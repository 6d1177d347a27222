/**
 * The one place the composer reaches the composer-data engineer's panels (columns, validation, issues,
 * record lookup and names, drafts, row detail), so a missing one is swapped for a stand-in in one line.
 */
export { DraftsMenu } from "./panels/drafts-menu.tsx";
export { IssuesPanel } from "./panels/issues-panel.tsx";
export { RecordLookup } from "./panels/record-lookup.tsx";
export { RowDetailPanel } from "./panels/row-detail-panel.tsx";
export { useBatchValidation } from "./panels/use-batch-validation.ts";
export { useComposerColumns } from "./panels/use-composer-columns.tsx";
export { useDraftAutosave } from "./panels/use-draft-autosave.ts";
