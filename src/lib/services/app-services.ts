import type { BatchStore } from "../../domain/batch/batch-store.ts";
import type { ReferenceChecker } from "../../domain/references/reference-checker.ts";
import type { ValidationService } from "../../domain/validation/validation-service.ts";
import type { Announcer } from "../announcer/announcer.ts";
import type { GridSelectionStore } from "../grid-selection.ts";
import type { ProductDirectory } from "../products/product-directory.ts";
import type { ColumnLayoutStore } from "../storage/column-layout-store.ts";
import type { DraftSession } from "../storage/draft-session.ts";
import type { ImportProfileStore } from "../storage/import-profiles.ts";
import type { SubmissionStore } from "../submission/submission-store.ts";

/**
 * Everything stateful the app shares, created once by `createAppServices` (src/app/) and handed down by
 * one provider. Tests build their own with the same function, so nothing lives in a module singleton.
 */
export interface AppServices {
  /** The one batch: the composer edits it, the CSV import fills it, the submission reads it. */
  batch: BatchStore;
  /** The one validation result every view and the submission read. */
  validation: ValidationService;
  /** Every record id the batch references, checked against HubSpot. */
  references: ReferenceChecker;
  /** The product library as far as looked up: line-item cells and their validation read it. */
  products: ProductDirectory;
  drafts: DraftSession;
  /** The composer's visible columns (the chooser, widths, and columns a CSV import filled). */
  layout: ColumnLayoutStore;
  /** Saved import profiles (mapping + batch defaults), offered when a matching file arrives. */
  importProfiles: ImportProfileStore;
  /** The grid's selected rows, for the submit dialog's "Selected rows". */
  selection: GridSelectionStore;
  /** Runs, history and per-row outcomes (its own wiring belongs to the submission code). */
  submission: SubmissionStore;
  /** The one polite voice for screen readers (the live region `AnnouncerProvider` renders). */
  announcer: Announcer;
  /** Stops timers the services started (the midnight tick); tests call it when done. */
  dispose(): void;
}
