import { type KeyboardEvent, type ReactNode, type RefObject, useId, useLayoutEffect, useRef } from "react";
import { useT } from "../i18n/use-t.ts";
import { useScrolls } from "./use-scrolls.ts";
import "./dialog.css";

export interface DialogProps {
  /** Controlled: render with `open` and close by handling `onClose` (Escape, the × button, backdrop). */
  open: boolean;
  onClose: () => void;
  /** The dialog's accessible name, shown as its heading. */
  title: ReactNode;
  /** A sentence under the title, linked as the accessible description. */
  description?: ReactNode;
  children?: ReactNode;
  /** Buttons at the bottom, right-aligned: secondary first, primary last. */
  footer?: ReactNode;
  /** Width: sm 420px, md 560px, lg 760px, xl 1040px. Default md. */
  size?: "sm" | "md" | "lg" | "xl";
  /** What gets focus when it opens; default the first focusable control inside the body, else the dialog. */
  initialFocusRef?: RefObject<HTMLElement | null>;
  /**
   * A multi-step dialog's step: when it changes while open, focus moves to the first field of the new
   * body (else its first control) (not left on a footer button that now means something else, e.g. Cancel where Next was).
   */
  focusKey?: string;
  /** Close on a click outside the panel. Default false: a stray click must not lose a half-filled form. */
  closeOnBackdrop?: boolean;
  /** Hide the × button (e.g. while something runs and cannot be interrupted). */
  hideCloseButton?: boolean;
  className?: string;
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** A step's first field: where a user starts a step, not its "Reset" or help buttons. */
const FIELDS = 'input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled])';

/**
 * A modal dialog on the native `<dialog>` element: `showModal()` makes the page behind it inert. Escape closes
 * it, Tab cycles inside it, and focus goes back where it was when it closes. Content mounts only while open,
 * so forms inside start fresh each time.
 */
export function Dialog(props: DialogProps) {
  if (!props.open) return null;
  return <OpenDialog {...props} />;
}

function OpenDialog({
  onClose,
  title,
  description,
  children,
  footer,
  size = "md",
  initialFocusRef,
  focusKey,
  closeOnBackdrop = false,
  hideCloseButton = false,
  className,
}: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const t = useT();
  const titleId = useId();
  const descriptionId = useId();

  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // jsdom has no showModal(); the `open` attribute keeps component tests meaningful there.
    if (typeof dialog.showModal === "function") {
      if (!dialog.open) dialog.showModal();
    } else {
      dialog.setAttribute("open", "");
    }
    const body = dialog.querySelector(".ui-dialog__body");
    const target = initialFocusRef?.current ?? body?.querySelector<HTMLElement>(FOCUSABLE);
    (target ?? dialog).focus();
    return () => {
      if (typeof dialog.close === "function" && dialog.open) dialog.close();
      if (previous?.isConnected) previous.focus();
    };
  }, [initialFocusRef]);

  const firstKey = useRef(focusKey);
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog || focusKey === firstKey.current) return;
    firstKey.current = focusKey;
    const body = dialog.querySelector(".ui-dialog__body");
    // A step marks where its work starts (`data-autofocus`, e.g. the first column's mapping, not a profile bar).
    const field =
      body?.querySelector<HTMLElement>("[data-autofocus]") ??
      body?.querySelector<HTMLElement>(FIELDS) ??
      body?.querySelector<HTMLElement>(FOCUSABLE);
    (field ?? dialog).focus();
  }, [focusKey]);

  const bodyRef = useRef<HTMLDivElement>(null);
  const bodyScrolls = useScrolls(bodyRef);

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key === "Escape") {
      // A control inside (a combobox, a cell editor) may use Escape itself and prevent the default.
      if (event.defaultPrevented) return;
      event.preventDefault();
      onClose();
      return;
    }
    if (event.key === "Tab") trapTab(event);
  };

  return (
    <dialog
      ref={ref}
      className={["ui-dialog", `ui-dialog--${size}`, className].filter(Boolean).join(" ")}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      aria-modal="true"
      tabIndex={-1}
      onKeyDown={onKeyDown}
      onCancel={(event) => {
        // The browser's own Escape handling: keep the dialog controlled by `open`.
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => {
        if (closeOnBackdrop && event.target === event.currentTarget) onClose();
      }}
    >
      <div className="ui-dialog__panel">
        <header className="ui-dialog__header">
          <div>
            <h2 id={titleId} className="ui-dialog__title">
              {title}
            </h2>
            {description ? (
              <p id={descriptionId} className="ui-dialog__description">
                {description}
              </p>
            ) : null}
          </div>
          {hideCloseButton ? null : (
            <button type="button" className="ui-dialog__close" aria-label={t("ui.close")} onClick={onClose}>
              ×
            </button>
          )}
        </header>
        {/* A body that scrolls is a named, focusable region, so the keyboard can scroll it (axe
            scrollable-region-focusable); one that fits adds no Tab stop. */}
        <div
          ref={bodyRef}
          className="ui-dialog__body"
          {...(bodyScrolls ? { role: "region", tabIndex: 0, "aria-labelledby": titleId } : {})}
        >
          {children}
        </div>
        {footer ? <footer className="ui-dialog__footer">{footer}</footer> : null}
      </div>
    </dialog>
  );
}

function trapTab(event: KeyboardEvent<HTMLDialogElement>) {
  const focusable = [...event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (element) => !element.closest("[hidden]"),
  );
  const first = focusable[0];
  const last = focusable.at(-1);
  if (!first || !last) return;
  const active = document.activeElement;
  if (event.shiftKey && (active === first || active === event.currentTarget)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && active === last) {
    event.preventDefault();
    first.focus();
  }
}
