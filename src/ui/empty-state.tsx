import type { ReactNode } from "react";
import "./empty-state.css";

export interface EmptyStateProps {
  title: ReactNode;
  /** One or two sentences: why it is empty and what to do. */
  children?: ReactNode;
  /** Usually one primary Button. */
  action?: ReactNode;
  /** A decorative glyph or small illustration. */
  icon?: ReactNode;
  /** Heading level for the title (default 2), so it fits the page outline. */
  headingLevel?: 2 | 3 | 4;
}

/** What a view shows when it has nothing to show yet. */
export function EmptyState({ title, children, action, icon, headingLevel = 2 }: EmptyStateProps) {
  const Heading = `h${headingLevel}` as const;
  return (
    <div className="ui-empty">
      {icon ? (
        <div className="ui-empty__icon" aria-hidden="true">
          {icon}
        </div>
      ) : null}
      <Heading className="ui-empty__title">{title}</Heading>
      {children ? <div className="ui-empty__body">{children}</div> : null}
      {action ? <div className="ui-empty__action">{action}</div> : null}
    </div>
  );
}
