// @vitest-environment jsdom
import "@testing-library/jest-dom/vitest";
import { QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen } from "@testing-library/react";
import { HttpResponse, http } from "msw";
import { afterEach, describe, expect, it } from "vitest";
import { useCan } from "../lib/api/get-me.ts";
import { setupMockApi } from "../mocks/node.ts";
import { AuthGate } from "./auth-gate.tsx";
import { createQueryClient } from "./query-client.ts";
import { UserMenu } from "./user-menu.tsx";

const api = setupMockApi();
afterEach(() => {
  cleanup();
  window.history.replaceState(null, "", "/");
});

function SubmitIfAllowed() {
  return useCan("submitter") ? <button type="button">Submit batch</button> : <p>View only</p>;
}

function renderGate() {
  return render(
    <QueryClientProvider client={createQueryClient()}>
      <AuthGate>
        <UserMenu />
        <SubmitIfAllowed />
      </AuthGate>
    </QueryClientProvider>,
  );
}

const signedIn = (role: string) =>
  http.get("*/api/me", () =>
    HttpResponse.json({
      user: { id: "vic@example.com", name: "Vic Viewer", role },
      auth: "oidc",
      canSignOut: true,
    }),
  );

describe("AuthGate", () => {
  it("shows the app to the local user without a sign-in menu", async () => {
    renderGate();
    expect(await screen.findByRole("button", { name: "Submit batch" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Sign out" })).toBeNull();
  });

  it("shows who is signed in and hides Submit from a viewer", async () => {
    api.server.use(signedIn("viewer"));
    renderGate();
    expect(await screen.findByText("Vic Viewer")).toBeInTheDocument();
    expect(screen.getByText("Viewer")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Sign out" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Submit batch" })).toBeNull();
    expect(screen.getByText("View only")).toBeInTheDocument();
  });

  it("offers sign-in when the server says nobody is signed in, and says why the last attempt failed", async () => {
    window.history.replaceState(null, "", "/?sign-in-error=no-email#results");
    api.server.use(
      http.get("*/api/me", () =>
        HttpResponse.json(
          { status: "error", category: "UNAUTHENTICATED", message: "You are not signed in." },
          { status: 401, headers: { "x-qbc-sign-in": "/auth/login" } },
        ),
      ),
    );
    renderGate();
    const link = await screen.findByRole("link", { name: "Sign in" });
    expect(link).toHaveAttribute("href", "/auth/login?returnTo=%2F%23results");
    expect(screen.getByRole("alert")).toHaveTextContent("no verified e-mail address");
  });

  it("explains a reverse-proxy sign-in that did not arrive (no sign-in link of ours)", async () => {
    api.server.use(
      http.get("*/api/me", () =>
        HttpResponse.json(
          {
            status: "error",
            category: "UNAUTHENTICATED",
            message: "Open the app through the company sign-in address.",
          },
          { status: 401 },
        ),
      ),
    );
    renderGate();
    expect(await screen.findByText("Open the app through the company sign-in address.")).toBeInTheDocument();
    expect(screen.queryByRole("link", { name: "Sign in" })).toBeNull();
  });
});
