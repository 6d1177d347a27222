import { useSyncExternalStore } from "react";
import type { GridSelection } from "./grid-selection.ts";
import { useAppServices } from "./services/app-services-context.tsx";

/** The app's grid selection (one batch, one quotes grid), from the app's services. */
export function useGridSelection(): GridSelection {
  const store = useAppServices().selection;
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
