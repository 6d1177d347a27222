// @vitest-environment jsdom
import "@testing-library/jest-dom/vitest";
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Alert } from "./alert.tsx";
import { Button, IconButton } from "./button.tsx";
import { Dialog } from "./dialog.tsx";
import { ProgressBar } from "./spinner.tsx";
import { Tabs } from "./tabs.tsx";

afterEach(cleanup);

function DialogHarness() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>Open settings</Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title="Settings"
        description="Change how the batch is sent."
        footer={<Button onClick={() => setOpen(false)}>Cancel</Button>}
      >
        <label>
          Name <input />
        </label>
      </Dialog>
    </>
  );
}

describe("Dialog", () => {
  it("is named by its title, focuses the first control, closes on Escape and returns focus", async () => {
    const user = userEvent.setup();
    render(<DialogHarness />);
    const opener = screen.getByRole("button", { name: "Open settings" });
    await user.click(opener);
    const dialog = screen.getByRole("dialog", { name: "Settings" });
    expect(dialog).toHaveAccessibleDescription("Change how the batch is sent.");
    expect(screen.getByRole("textbox", { name: "Name" })).toHaveFocus();
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(opener).toHaveFocus();
  });

  it("keeps Tab inside the dialog", async () => {
    const user = userEvent.setup();
    render(<DialogHarness />);
    await user.click(screen.getByRole("button", { name: "Open settings" }));
    await user.tab(); // × close button is after the input? order: close, input, cancel
    await user.tab();
    await user.tab();
    await user.tab();
    expect(screen.getByRole("dialog").contains(document.activeElement)).toBe(true);
  });
});

describe("Tabs", () => {
  it("follows the WAI-ARIA tabs pattern and keeps hidden panels mounted", async () => {
    const user = userEvent.setup();
    const onSelect = vi.fn();
    render(
      <Tabs
        label="Sections"
        onSelect={onSelect}
        items={[
          { id: "a", label: "Alpha", content: <input aria-label="kept" defaultValue="x" /> },
          { id: "b", label: "Beta", content: <p>Beta panel</p> },
        ]}
      />,
    );
    const alpha = screen.getByRole("tab", { name: "Alpha" });
    expect(alpha).toHaveAttribute("aria-selected", "true");
    alpha.focus();
    await user.keyboard("{ArrowRight}");
    const beta = screen.getByRole("tab", { name: "Beta" });
    expect(beta).toHaveFocus();
    expect(beta).toHaveAttribute("aria-selected", "true");
    expect(onSelect).toHaveBeenCalledWith("b");
    expect(screen.getByRole("tabpanel", { name: "Beta" })).toHaveTextContent("Beta panel");
    expect(screen.getByLabelText("kept", { selector: "input" })).toBeInTheDocument();
    await user.keyboard("{Home}");
    expect(alpha).toHaveFocus();
  });
});

describe("Alert, IconButton, ProgressBar", () => {
  it("use the right roles and names", () => {
    render(
      <>
        <Alert tone="danger" title="Upload failed">
          Try again.
        </Alert>
        <Alert tone="info">Saved.</Alert>
        <IconButton aria-label="Delete row" icon="×" />
        <ProgressBar label="Quotes created" value={3} max={10} />
      </>,
    );
    expect(screen.getByRole("alert")).toHaveTextContent("Upload failed");
    expect(screen.getByRole("status")).toHaveTextContent("Saved.");
    expect(screen.getByRole("button", { name: "Delete row" })).toBeInTheDocument();
    expect(screen.getByRole("progressbar", { name: "Quotes created" })).toHaveAttribute("aria-valuenow", "3");
  });
});
