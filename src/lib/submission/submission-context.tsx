import { createContext, type ReactNode, useContext } from "react";
import { TeamSubmissionStorage } from "../storage/team-submissions.ts";
import { SubmissionStore } from "./submission-store.ts";

let appStore: SubmissionStore | undefined;

/** The app's store, created on first use (the server's team history, with IndexedDB as this browser's copy). Tests pass their own via the provider. */
function defaultStore(): SubmissionStore {
  appStore ??= new SubmissionStore({
    storage: typeof indexedDB === "undefined" ? undefined : new TeamSubmissionStorage(),
  });
  return appStore;
}

const SubmissionStoreContext = createContext<SubmissionStore | null>(null);

export function SubmissionStoreProvider({
  store,
  children,
}: {
  store: SubmissionStore;
  children: ReactNode;
}) {
  return <SubmissionStoreContext.Provider value={store}>{children}</SubmissionStoreContext.Provider>;
}

/** Works without a provider: the submit button, Results, History and the grid all share the app's store. */
export function useSubmissionStore(): SubmissionStore {
  return useContext(SubmissionStoreContext) ?? defaultStore();
}
