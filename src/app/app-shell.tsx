import { type RefObject, useEffect, useRef, useState } from "react";
import { ComposerPage } from "../features/composer/composer-page.tsx";
import { CsvImport } from "../features/csv-import/csv-import.tsx";
import { HistoryPage } from "../features/history/history-page.tsx";
import { ResultsPage } from "../features/results/results-page.tsx";
import { SubmitBatch } from "../features/submission/submit-batch.tsx";
import { useT } from "../i18n/use-t.ts";
import type { ApiError } from "../lib/api/api-error.ts";
import { useCan } from "../lib/api/get-me.ts";
import { Tabs } from "../ui/tabs.tsx";
import { AuthBanner } from "./auth-banner.tsx";
import { EnvironmentIndicator } from "./environment-indicator.tsx";
import { LanguageSwitcher } from "./language-switcher.tsx";
import { PropertiesView } from "./properties-view.tsx";
import { UserMenu } from "./user-menu.tsx";
import "./app.css";

export const APP_TABS = ["compose", "results", "history", "properties"] as const;
export type AppTab = (typeof APP_TABS)[number];

/** The selected tab lives in the URL hash (`#results`), so a reload keeps it and features can link to a tab. */
function tabFromHash(): AppTab {
  const hash = window.location.hash.replace(/^#/, "");
  return APP_TABS.find((tab) => tab === hash) ?? "compose";
}

/**
 * A link to a section (the progress panel's "See every row's outcome in Results") hides the panel the link
 * was in: focus goes to the new section's heading, where a screen reader user continues, not to <body>.
 */
function focusSectionHeading(main: HTMLElement | null) {
  const heading = main?.querySelector<HTMLElement>('[role="tabpanel"]:not([hidden]) :is(h1, h2)');
  if (!heading) return;
  if (!heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
  heading.focus();
}

function useHashTab(main: RefObject<HTMLElement | null>): [AppTab, (tab: AppTab) => void] {
  const [tab, setTab] = useState<AppTab>(tabFromHash);
  useEffect(() => {
    const onHashChange = () => {
      setTab(tabFromHash());
      // After React has shown the panel (a hashchange is not batched with a render).
      requestAnimationFrame(() => focusSectionHeading(main.current));
    };
    window.addEventListener("hashchange", onHashChange);
    return () => window.removeEventListener("hashchange", onHashChange);
  }, [main]);
  const select = (next: AppTab) => {
    setTab(next);
    // replaceState: switching tabs should not fill the Back button's history. The query string (History's
    // filter) stays, so coming back to a tab finds it as it was left.
    const { pathname, search } = window.location;
    window.history.replaceState(null, "", `${pathname}${search}${next === "compose" ? "" : `#${next}`}`);
  };
  return [tab, select];
}

export function AppShell({
  authError,
  onDismissAuthError,
}: {
  authError: ApiError | undefined;
  onDismissAuthError: () => void;
}) {
  const mainRef = useRef<HTMLElement>(null);
  const [tab, setTab] = useHashTab(mainRef);
  // A viewer reads results and history; the Submit control is not theirs (the server refuses it too).
  const canSubmit = useCan("submitter");
  const t = useT();
  return (
    <div className="app">
      <header className="app-header">
        <div className="app-header__brand">
          <img src="/favicon.svg" alt="" className="app-header__logo" width={24} height={24} />
          <span className="app-header__name">{t("app.name")}</span>
        </div>
        <div className="app-header__end">
          <EnvironmentIndicator />
          <LanguageSwitcher />
          <UserMenu />
        </div>
      </header>
      <AuthBanner error={authError} onDismiss={onDismissAuthError} />
      <main className="app-main" ref={mainRef}>
        <h1 className="visually-hidden">{t("app.name")}</h1>
        <Tabs
          label={t("app.sections")}
          selectedId={tab}
          onSelect={(id) => setTab(APP_TABS.find((candidate) => candidate === id) ?? "compose")}
          items={[
            {
              id: "compose",
              label: t("app.tab.compose"),
              content: (
                <ComposerPage
                  toolbarEnd={
                    <>
                      <CsvImport />
                      {canSubmit ? (
                        <SubmitBatch />
                      ) : (
                        <span className="app-view-only">{t("compose.viewOnly")}</span>
                      )}
                    </>
                  }
                />
              ),
            },
            { id: "results", label: t("app.tab.results"), content: <ResultsPage /> },
            {
              id: "history",
              label: t("app.tab.history"),
              content: <HistoryPage active={tab === "history"} />,
            },
            { id: "properties", label: t("app.tab.properties"), content: <PropertiesView /> },
          ]}
        />
      </main>
    </div>
  );
}
