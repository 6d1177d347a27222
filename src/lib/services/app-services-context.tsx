import { createContext, type ReactNode, useContext } from "react";
import type { AppServices } from "./app-services.ts";

const AppServicesContext = createContext<AppServices | null>(null);

/** The app's one provider of shared state; `services` comes from `createAppServices`. */
export function AppServicesProvider({ services, children }: { services: AppServices; children: ReactNode }) {
  return <AppServicesContext.Provider value={services}>{children}</AppServicesContext.Provider>;
}

export function useAppServices(): AppServices {
  const services = useContext(AppServicesContext);
  if (!services) throw new Error("useAppServices needs an <AppServicesProvider> above it");
  return services;
}
