"use client";

import { type ReactNode, useEffect, useId, useRef } from "react";
import { cx } from "./cx";
import { focusRing } from "./focus";
import { CloseIcon } from "./icons";

export interface DialogProps {
  open: boolean;
  /** Called for Esc, the close button and a click on the backdrop. */
  onClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  children?: ReactNode;
  footer?: ReactNode;
  /** "sheet" slides up from the bottom on small screens (a cart), "center" is a classic modal. */
  variant?: "center" | "sheet";
  /** Use "alertdialog" for confirmations that interrupt the person. */
  role?: "dialog" | "alertdialog";
}

/**
 * A modal built on the native <dialog>: the browser supplies the focus trap, Esc, the inert background and
 * returning focus to the opener when it closes.
 */
export function Dialog({
  open,
  onClose,
  title,
  description,
  children,
  footer,
  variant = "center",
  role = "dialog",
}: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
    if (!open) return;
    // The page behind must not scroll under a modal.
    const root = document.documentElement;
    const previous = root.style.overflow;
    root.style.overflow = "hidden";
    return () => {
      root.style.overflow = previous;
    };
  }, [open]);

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: Esc closes natively; a backdrop click is the mouse equivalent.
    <dialog
      ref={ref}
      role={role === "alertdialog" ? "alertdialog" : undefined}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onClose={onClose}
      onClick={(event) => {
        // A click on the dialog element itself (not its content) is a click on the backdrop.
        if (event.target === event.currentTarget) onClose();
      }}
      className={cx(
        "bg-transparent p-0 text-stone-900 backdrop:bg-stone-950/50 open:flex",
        variant === "sheet"
          ? "mx-auto mb-0 mt-auto max-h-[85dvh] w-full max-w-none sm:my-auto sm:w-[min(100%-2rem,28rem)]"
          : "m-auto w-[min(100%-2rem,28rem)]",
      )}
    >
      <div
        className={cx(
          "flex max-h-[inherit] w-full flex-col bg-white shadow-2xl",
          variant === "sheet" ? "rounded-t-3xl sm:rounded-3xl" : "rounded-3xl",
        )}
      >
        <div className="flex items-start gap-4 px-5 pb-2 pt-5">
          <div className="min-w-0 flex-1">
            <h2 id={titleId} className="text-lg font-bold">
              {title}
            </h2>
            {description && (
              <div id={descriptionId} className="mt-1 text-sm text-stone-600">
                {description}
              </div>
            )}
          </div>
          <button
            type="button"
            onClick={onClose}
            aria-label="Close"
            className={cx(
              "-m-1 grid size-9 shrink-0 place-items-center rounded-full hover:bg-stone-100",
              focusRing,
            )}
          >
            <CloseIcon className="size-5" />
          </button>
        </div>
        {children && <div className="min-h-0 flex-1 overflow-y-auto px-5 py-3">{children}</div>}
        {footer && (
          <div className="flex flex-wrap justify-end gap-3 border-t border-stone-100 px-5 py-4">{footer}</div>
        )}
      </div>
    </dialog>
  );
}
