import { useAppServices } from "../services/app-services-context.tsx";
import type { SubmissionStore } from "./submission-store.ts";

/** The submit button, Results, History and the grid all share the app's one store (createAppServices). */
export function useSubmissionStore(): SubmissionStore {
  return useAppServices().submission;
}
