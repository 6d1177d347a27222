import { type KeyboardEvent, type ReactNode, useId, useRef, useState } from "react";
import "./tabs.css";

export interface TabItem {
  /** Stable id; also what `onSelect` receives. */
  id: string;
  /** The tab's visible text (its accessible name). */
  label: ReactNode;
  /** Shown after the label, e.g. a count <Badge>. Part of the accessible name. */
  badge?: ReactNode;
  content: ReactNode;
}

export interface TabsProps {
  /** Accessible name of the tab list, e.g. "Sections". */
  label: string;
  items: readonly TabItem[];
  /** Controlled selection; omit to let the component keep it. */
  selectedId?: string;
  defaultSelectedId?: string;
  onSelect?: (id: string) => void;
  /**
   * Keep every panel mounted (hidden when not selected) so their state survives switching.
   * Default true: the composer must not lose its grid when the user looks at results.
   */
  keepMounted?: boolean;
  /** Content at the end of the tab strip (right side). */
  end?: ReactNode;
  className?: string;
}

/**
 * WAI-ARIA tabs with automatic activation: Left/Right arrows, Home and End move between tabs;
 * only the selected tab is in the Tab order.
 */
export function Tabs({
  label,
  items,
  selectedId,
  defaultSelectedId,
  onSelect,
  keepMounted = true,
  end,
  className,
}: TabsProps) {
  const baseId = useId();
  const [ownSelected, setOwnSelected] = useState(defaultSelectedId ?? items[0]?.id);
  const current = selectedId ?? ownSelected;
  const tabRefs = useRef(new Map<string, HTMLButtonElement>());

  const select = (id: string) => {
    setOwnSelected(id);
    onSelect?.(id);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = items.findIndex((item) => item.id === current);
    let next: number | undefined;
    if (event.key === "ArrowRight") next = (index + 1) % items.length;
    else if (event.key === "ArrowLeft") next = (index - 1 + items.length) % items.length;
    else if (event.key === "Home") next = 0;
    else if (event.key === "End") next = items.length - 1;
    const item = next === undefined ? undefined : items[next];
    if (!item) return;
    event.preventDefault();
    select(item.id);
    tabRefs.current.get(item.id)?.focus();
  };

  const tabId = (id: string) => `${baseId}-tab-${id}`;
  const panelId = (id: string) => `${baseId}-panel-${id}`;

  return (
    <div className={["ui-tabs", className].filter(Boolean).join(" ")}>
      <div className="ui-tabs__bar">
        <div role="tablist" aria-label={label} className="ui-tabs__list" onKeyDown={onKeyDown}>
          {items.map((item) => {
            const selected = item.id === current;
            return (
              <button
                key={item.id}
                ref={(element) => {
                  if (element) tabRefs.current.set(item.id, element);
                  else tabRefs.current.delete(item.id);
                }}
                type="button"
                role="tab"
                id={tabId(item.id)}
                aria-selected={selected}
                aria-controls={panelId(item.id)}
                tabIndex={selected ? 0 : -1}
                className="ui-tabs__tab"
                onClick={() => select(item.id)}
              >
                {item.label}
                {item.badge ? <span className="ui-tabs__badge">{item.badge}</span> : null}
              </button>
            );
          })}
        </div>
        {end ? <div className="ui-tabs__end">{end}</div> : null}
      </div>
      {items.map((item) => {
        const selected = item.id === current;
        if (!selected && !keepMounted) return null;
        return (
          <div
            key={item.id}
            role="tabpanel"
            id={panelId(item.id)}
            aria-labelledby={tabId(item.id)}
            hidden={!selected}
            // biome-ignore lint/a11y/noNoninteractiveTabindex: WAI-ARIA tabs: the panel is focusable when it has no focusable content first
            tabIndex={0}
            className="ui-tabs__panel"
          >
            {item.content}
          </div>
        );
      })}
    </div>
  );
}
