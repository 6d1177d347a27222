import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { type AppServicesInput, createAppServices } from "../app/create-app-services.ts";
import { AnnouncerProvider } from "../lib/announcer/announcer-context.tsx";
import type { AppServices } from "../lib/services/app-services.ts";
import { AppServicesProvider } from "../lib/services/app-services-context.tsx";
import { NotificationDockProvider } from "../ui/notification-dock.tsx";

const made: AppServices[] = [];

/**
 * The app's services for one test: the same composition root as the app, with no IndexedDB for
 * submissions unless given. Call `disposeTestServices()` in `afterEach` (or rely on the timers being fake).
 */
export function testServices(input: AppServicesInput = {}): AppServices {
  const services = createAppServices({ submission: { persistEveryMs: 10 }, ...input });
  made.push(services);
  return services;
}

export function disposeTestServices(): void {
  for (const services of made.splice(0)) services.dispose();
}

export function testQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
}

/** The providers the app puts above every feature: a query client, the services, the announcer and the dock. */
export function TestProviders({
  services,
  client,
  children,
}: {
  services: AppServices;
  client?: QueryClient;
  children: ReactNode;
}) {
  const [own] = useState(() => client ?? testQueryClient());
  return (
    <QueryClientProvider client={own}>
      <AppServicesProvider services={services}>
        <AnnouncerProvider announcer={services.announcer}>
          <NotificationDockProvider>{children}</NotificationDockProvider>
        </AnnouncerProvider>
      </AppServicesProvider>
    </QueryClientProvider>
  );
}
