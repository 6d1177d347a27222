/**
 * The one place the composer reaches the composer-data engineer's panels (columns, validation, issues,
 * record lookup, drafts, row detail), so a missing one is swapped for a stand-in in one line.
 */
export { IssuesPanel } from "./panels/issues-panel.tsx";
export { RecordLookup } from "./panels/record-lookup.tsx";
export { useBatchValidation } from "./panels/use-batch-validation.ts";
export { useComposerColumns } from "./panels/use-composer-columns.tsx";
