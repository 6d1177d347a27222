// @vitest-environment jsdom
import "@testing-library/jest-dom/vitest";
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { LanguageProvider, useFormat } from "./language-provider.tsx";
import { useT } from "./use-t.ts";

afterEach(cleanup);

function Sample() {
  const t = useT();
  const format = useFormat();
  return (
    <p>
      {t("app.tab.results")} · {format.money(6265, "JPY")}
    </p>
  );
}

describe("LanguageProvider", () => {
  it("renders components in Japanese and sets <html lang>", () => {
    render(
      <LanguageProvider initialLanguage="ja" browserLocales={["ja-JP"]}>
        <Sample />
      </LanguageProvider>,
    );
    expect(screen.getByText("結果 · ￥6,265")).toBeInTheDocument();
    expect(document.documentElement.lang).toBe("ja");
  });

  it("is English without a provider, as component tests render", () => {
    render(<Sample />);
    expect(screen.getByText("Results · ¥6,265")).toBeInTheDocument();
  });
});
