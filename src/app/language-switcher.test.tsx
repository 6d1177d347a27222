// @vitest-environment jsdom
import "@testing-library/jest-dom/vitest";
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { LanguageProvider } from "../i18n/language-provider.tsx";
import { useT } from "../i18n/use-t.ts";
import { LanguageSwitcher } from "./language-switcher.tsx";

afterEach(cleanup);

function ResultsTitle() {
  return <h2>{useT()("app.tab.results")}</h2>;
}

describe("LanguageSwitcher", () => {
  it("switches the whole UI, <html lang> with it, and reports the choice", async () => {
    const onLanguageChange = vi.fn();
    render(
      <LanguageProvider initialLanguage="ja" onLanguageChange={onLanguageChange}>
        <LanguageSwitcher />
        <ResultsTitle />
      </LanguageProvider>,
    );
    expect(screen.getByRole("heading", { name: "結果" })).toBeInTheDocument();
    await userEvent.selectOptions(screen.getByRole("combobox", { name: "言語" }), "English");
    expect(screen.getByRole("heading", { name: "Results" })).toBeInTheDocument();
    expect(screen.getByRole("combobox", { name: "Language" })).toHaveValue("en");
    expect(document.documentElement.lang).toBe("en");
    expect(onLanguageChange).toHaveBeenCalledWith("en");
  });

  it("names each language in itself", () => {
    render(<LanguageSwitcher />);
    expect(screen.getByRole("option", { name: "日本語" })).toHaveAttribute("lang", "ja");
    expect(screen.getByRole("option", { name: "English" })).toHaveAttribute("lang", "en");
  });
});
