// @vitest-environment jsdom
import "@testing-library/jest-dom/vitest";
import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { useState } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AUTO_DISMISS_MS, DockPanel, DockToast, NotificationDockProvider } from "./notification-dock.tsx";

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function Notices({ tones }: { tones: ("success" | "danger")[] }) {
  const [shown, setShown] = useState(tones.map((tone, i) => ({ tone, id: i })));
  return (
    <>
      {shown.map(({ tone, id }) => (
        <DockToast
          key={id}
          tone={tone}
          title={`Notice ${id}`}
          onDismiss={() => setShown((s) => s.filter((n) => n.id !== id))}
        >
          {tone}
        </DockToast>
      ))}
      <DockPanel>
        <a href="#results">See every row's outcome in Results</a>
      </DockPanel>
    </>
  );
}

function renderDock(tones: ("success" | "danger")[]) {
  return render(
    <NotificationDockProvider>
      <Notices tones={tones} />
    </NotificationDockProvider>,
  );
}

describe("notification dock", () => {
  it("stacks notices and panels in separate places of one column, so a notice never covers the panel", () => {
    renderDock(["success"]);
    const notices = screen.getByRole("region", { name: "Notifications" });
    const link = screen.getByRole("link", { name: /Results/ });
    expect(notices).toContainElement(screen.getByText("Notice 0"));
    expect(notices).not.toContainElement(link);
    expect(notices.parentElement).toContainElement(link);
  });

  it("success notices dismiss themselves; errors stay", () => {
    vi.useFakeTimers();
    renderDock(["success", "danger"]);
    act(() => vi.advanceTimersByTime(AUTO_DISMISS_MS + 10));
    expect(screen.queryByText("Notice 0")).not.toBeInTheDocument();
    expect(screen.getByText("Notice 1")).toBeInTheDocument();
  });

  it("a hovered notice waits until the pointer leaves", () => {
    vi.useFakeTimers();
    renderDock(["success"]);
    fireEvent.mouseEnter(screen.getByText("Notice 0"));
    act(() => vi.advanceTimersByTime(AUTO_DISMISS_MS * 2));
    expect(screen.getByText("Notice 0")).toBeInTheDocument();
  });

  it("Escape closes the newest notice first, not while a field is being edited", () => {
    render(
      <NotificationDockProvider>
        <input aria-label="Cell" />
        <Notices tones={["danger", "danger"]} />
      </NotificationDockProvider>,
    );
    fireEvent.keyDown(screen.getByLabelText("Cell"), { key: "Escape" });
    expect(screen.getByText("Notice 1")).toBeInTheDocument();
    fireEvent.keyDown(document.body, { key: "Escape" });
    expect(screen.queryByText("Notice 1")).not.toBeInTheDocument();
    expect(screen.getByText("Notice 0")).toBeInTheDocument();
    fireEvent.keyDown(document.body, { key: "Escape" });
    expect(screen.queryByText("Notice 0")).not.toBeInTheDocument();
  });
});
