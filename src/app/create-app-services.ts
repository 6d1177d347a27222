import { BatchStore } from "../domain/batch/batch-store.ts";
import type { BatchRow } from "../domain/batch/row.ts";
import { ReferenceChecker, type ReferenceCheckerOptions } from "../domain/references/reference-checker.ts";
import { localToday } from "../domain/validation/today.ts";
import { type ValidationScheduler, ValidationService } from "../domain/validation/validation-service.ts";
import type { AssociationTargetType } from "../hubspot/association-catalogue.ts";
import { Announcer } from "../lib/announcer/announcer.ts";
import { resolveRecords } from "../lib/api/search-records.ts";
import { createGridSelectionStore } from "../lib/grid-selection.ts";
import { ProductDirectory } from "../lib/products/product-directory.ts";
import type { AppServices } from "../lib/services/app-services.ts";
import { ColumnLayoutStore } from "../lib/storage/column-layout-store.ts";
import { DraftSession } from "../lib/storage/draft-session.ts";
import { DraftStorage } from "../lib/storage/drafts.ts";
import { ImportProfileStore } from "../lib/storage/import-profiles.ts";
import type { KeyValueStorage } from "../lib/storage/layout.ts";
import { TeamSubmissionStorage } from "../lib/storage/team-submissions.ts";
import { type StoreOptions, SubmissionStore } from "../lib/submission/submission-store.ts";
import { watchToday } from "../lib/today-ticker.ts";
import { defaultScheduler } from "../lib/validation-scheduler.ts";
import { type Clock, systemClock } from "../platform/clock.ts";

export interface AppServicesInput {
  rows?: readonly BatchRow[];
  /** An existing batch (a test that inspects it); otherwise a new one holding `rows`. */
  batch?: BatchStore;
  /** An existing submission store (a test that prepares its state); otherwise one from `submission`. */
  submissionStore?: SubmissionStore;
  drafts?: DraftStorage;
  /** Where the column layout is kept; the browser's localStorage by default. */
  layoutStorage?: KeyValueStorage;
  /** The submission store's options (storage, clock, ids); IndexedDB-backed where the browser has it. */
  submission?: StoreOptions;
  /** The product library lookups (line items); HubSpot's product search through the proxy by default. */
  products?: ProductDirectory;
  /** How record ids are checked; HubSpot's search (through the proxy) by default. */
  resolveRecords?: ReferenceCheckerOptions["resolve"];
  clock?: Clock;
  scheduler?: ValidationScheduler;
  /** The wall clock for "today" (expiration dates); a test sets it to cross midnight. */
  now?: () => Date;
}

/**
 * The composition root: every shared service of the app, wired to each other here and nowhere else.
 * `App` calls it once; tests call it with fakes (`src/test/app-services.tsx`).
 */
export function createAppServices(input: AppServicesInput = {}): AppServices {
  const now = input.now ?? (() => new Date());
  const scheduler = input.scheduler ?? defaultScheduler;
  const batch = input.batch ?? new BatchStore(input.rows);
  const validation = new ValidationService(batch, { scheduler, today: localToday(now()) });
  const products = input.products ?? new ProductDirectory();
  const lookUpRecords = (type: AssociationTargetType, ids: readonly string[]) =>
    input.resolveRecords ? input.resolveRecords(type, ids) : resolveRecords(type, ids);
  const references = new ReferenceChecker(batch, {
    // Products (line items) are checked with the records: one pace under HubSpot's shared search limit.
    resolve: (type, ids) => (type === "products" ? products.resolve(ids) : lookUpRecords(type, ids)),
    clock: input.clock ?? systemClock,
    scheduler,
  });
  // Ids found missing become validation errors ("Deal 123 was not found") for every row citing them.
  // Deals' currencies, read by the same checks, make a quote whose line items are in another currency an error.
  references.subscribe(() => {
    validation.setMissing(references.isMissing);
    validation.setDealCurrencies(references.dealCurrency);
  });
  const stopToday = watchToday((today) => validation.setToday(today), now);
  const submission =
    input.submissionStore ??
    new SubmissionStore(
      // The server's team history, with IndexedDB as this browser's copy.
      input.submission ?? {
        storage: typeof indexedDB === "undefined" ? undefined : new TeamSubmissionStorage(),
      },
    );
  return {
    batch,
    validation,
    references,
    products,
    drafts: new DraftSession(batch, input.drafts ?? new DraftStorage()),
    layout: new ColumnLayoutStore(input.layoutStorage),
    importProfiles: new ImportProfileStore(input.layoutStorage),
    selection: createGridSelectionStore(),
    submission,
    announcer: new Announcer(),
    dispose: stopToday,
  };
}
