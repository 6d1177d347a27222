import type { ButtonHTMLAttributes, ReactNode } from "react";
import { forwardRef } from "react";
import "./button.css";

export type ButtonVariant = "primary" | "secondary" | "ghost" | "danger";
export type ButtonSize = "sm" | "md" | "lg";

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  /** Visual weight. One `primary` per area; `danger` for destructive actions. Default `secondary`. */
  variant?: ButtonVariant;
  /** Default `md`. */
  size?: ButtonSize;
  /** Shows a spinner and disables the button (keeps its width and accessible name). */
  busy?: boolean;
  /** An icon before the label (decorative; the label names the button). */
  icon?: ReactNode;
}

/** The app's button. `type` defaults to "button" so it never submits a form by accident. */
export const Button = forwardRef<HTMLButtonElement, ButtonProps>(function Button(
  {
    variant = "secondary",
    size = "md",
    busy = false,
    icon,
    className,
    type = "button",
    disabled,
    children,
    ...rest
  },
  ref,
) {
  const classes = ["ui-button", `ui-button--${variant}`, `ui-button--${size}`, className].filter(Boolean);
  return (
    <button
      ref={ref}
      type={type}
      className={classes.join(" ")}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
      {...rest}
    >
      {busy ? (
        <span className="ui-button__spinner" aria-hidden="true" />
      ) : icon ? (
        <span className="ui-button__icon" aria-hidden="true">
          {icon}
        </span>
      ) : null}
      {children}
    </button>
  );
});

export interface IconButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, "children"> {
  /** Required: the button has no visible text, so this is its accessible name (and tooltip). */
  "aria-label": string;
  icon: ReactNode;
  variant?: ButtonVariant;
  size?: ButtonSize;
}

/** A square button showing only an icon; `aria-label` names it for screen readers and as a tooltip. */
export const IconButton = forwardRef<HTMLButtonElement, IconButtonProps>(function IconButton(
  { icon, variant = "ghost", size = "md", className, type = "button", title, ...rest },
  ref,
) {
  const classes = ["ui-button", "ui-icon-button", `ui-button--${variant}`, `ui-button--${size}`, className];
  return (
    <button
      ref={ref}
      type={type}
      className={classes.filter(Boolean).join(" ")}
      title={title ?? rest["aria-label"]}
      {...rest}
    >
      <span className="ui-button__icon" aria-hidden="true">
        {icon}
      </span>
    </button>
  );
});
