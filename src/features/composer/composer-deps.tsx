/**
 * The one place the composer reaches the composer-data engineer's panels (columns, validation, drafts,
 * issues, row detail, record lookup). Stand-ins are used where those are not there yet.
 */
export { useStandInColumns as useComposerColumns } from "./stand-ins/columns-stand-in.tsx";
export { useStandInValidation as useBatchValidation } from "./stand-ins/validation-stand-in.ts";
