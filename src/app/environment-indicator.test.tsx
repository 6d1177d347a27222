// @vitest-environment jsdom
import "@testing-library/jest-dom/vitest";
import { QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen } from "@testing-library/react";
import { HttpResponse, http } from "msw";
import { afterEach, describe, expect, it } from "vitest";
import { setupMockApi } from "../mocks/node.ts";
import { EnvironmentIndicator } from "./environment-indicator.tsx";
import { createQueryClient } from "./query-client.ts";

const api = setupMockApi();
afterEach(cleanup);

const renderIndicator = () =>
  render(
    <QueryClientProvider client={createQueryClient()}>
      <EnvironmentIndicator />
    </QueryClientProvider>,
  );

const hubspotMode = (accountType: string) =>
  api.server.use(
    http.get("/api/health", () =>
      HttpResponse.json({ ok: true, upstream: "hubspot", rateLimit: { perTenSeconds: 190 } }),
    ),
    http.get("/api/hubspot/account-info/v3/details", () =>
      HttpResponse.json({
        portalId: 24681357,
        accountType,
        timeZone: "Europe/Berlin",
        companyCurrency: "EUR",
        uiDomain: "app-eu1.hubspot.com",
      }),
    ),
  );

describe("EnvironmentIndicator", () => {
  it("says Simulator over the simulator", async () => {
    renderIndicator();
    expect(await screen.findByText("Simulator")).toBeInTheDocument();
  });

  it("names the portal and flags a sandbox", async () => {
    hubspotMode("SANDBOX");
    renderIndicator();
    expect(await screen.findByText("HubSpot portal 24681357")).toBeInTheDocument();
    expect(screen.getByText("Sandbox")).toBeInTheDocument();
  });

  it("marks a standard portal as production", async () => {
    hubspotMode("STANDARD");
    renderIndicator();
    expect(await screen.findByText("Production")).toBeInTheDocument();
  });

  it("says when the server cannot be reached", async () => {
    api.server.use(http.get("/api/health", () => HttpResponse.error()));
    renderIndicator();
    expect(await screen.findByText("Server unreachable", {}, { timeout: 8_000 })).toBeInTheDocument();
  });
});
