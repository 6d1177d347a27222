import { useSyncExternalStore } from "react";
import type { ReferenceChecker } from "../../domain/references/reference-checker.ts";
import type { ValidationService } from "../../domain/validation/validation-service.ts";
import { useAppServices } from "./app-services-context.tsx";

export interface ValidationView {
  service: ValidationService;
  references: ReferenceChecker;
  /** Changes whenever an issue or a reference check may have changed. */
  version: string;
  /** Rows still waiting to be checked after a big change. */
  pendingRows: number;
  /** Referenced record ids not checked against HubSpot yet. */
  pendingReferences: number;
  /** Every row checked and every referenced id resolved: counts (and the submit plan) are final. */
  complete: boolean;
}

/** The app's one validation result, for any view (grid, toolbar, problems list, submit dialog). */
export function useValidation(): ValidationView {
  const { validation: service, references } = useAppServices();
  const issues = useSyncExternalStore(service.subscribe, service.getVersion);
  const checked = useSyncExternalStore(references.subscribe, references.getVersion);
  const pendingRows = service.pendingRows;
  const pendingReferences = references.pending;
  return {
    service,
    references,
    version: `${issues}:${checked}`,
    pendingRows,
    pendingReferences,
    complete: service.configured && !service.checking && references.complete,
  };
}
