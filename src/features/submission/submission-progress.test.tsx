// @vitest-environment jsdom
import "@testing-library/jest-dom/vitest";
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { createRow } from "../../domain/batch/row.ts";
import { createSubmission } from "../../domain/submission/state.ts";
import { summarise } from "../../domain/submission/summary.ts";
import { LanguageProvider } from "../../i18n/language-provider.tsx";
import { SubmissionProgress } from "./submission-progress.tsx";

afterEach(cleanup);

function renderProgress(language: "en" | "ja" = "en") {
  const rows = ["Acme", "Globex"].map((title, i) => ({
    row: createRow({ hs_title: title, hs_expiration_date: "2031-01-01" }, `r${i + 1}`),
    rowNumber: i + 1,
  }));
  const { state } = createSubmission({
    id: "s",
    now: Date.now(),
    environment: { kind: "simulator" },
    rateLimit: { max: 100, intervalMs: 10_000 },
    rows,
  });
  render(
    <LanguageProvider initialLanguage={language} browserLocales={[language]} timeZone="UTC">
      <SubmissionProgress
        state={state}
        summary={summarise(state)}
        running
        concurrency={6}
        onCancel={() => undefined}
        onDismiss={() => undefined}
      />
    </LanguageProvider>,
  );
}

describe("the progress panel", () => {
  it("folds to its title, bar and Cancel, so it covers less of the page, and unfolds again", async () => {
    const user = userEvent.setup();
    renderProgress();
    const panel = screen.getByRole("region", { name: "Submission progress" });
    expect(panel).toHaveTextContent("2 pending");

    await user.click(screen.getByRole("button", { name: "Hide details" }));
    expect(screen.getByRole("button", { name: "Show details" })).toHaveAttribute("aria-expanded", "false");
    expect(screen.queryByText("pending", { exact: false })).not.toBeVisible();
    expect(screen.getByRole("progressbar")).toBeVisible();
    expect(screen.getByRole("button", { name: "Cancel submission" })).toBeVisible();

    await user.click(screen.getByRole("button", { name: "Show details" }));
    expect(screen.getByRole("button", { name: "Hide details" })).toHaveAttribute("aria-expanded", "true");
    expect(screen.getByText("pending", { exact: false })).toBeVisible();
  });

  it("says it in Japanese", () => {
    renderProgress("ja");
    expect(screen.getByRole("button", { name: "詳細を隠す" })).toBeInTheDocument();
  });
});
