"use client";

import { type ComponentProps, type ReactNode, useId } from "react";
import { cx } from "./cx";
import { AlertIcon } from "./icons";

const controlStyles = (invalid: boolean, className?: string) =>
  cx(
    "block w-full rounded-xl bg-white px-3.5 py-2.5 text-base text-stone-900 shadow-sm ring-1 ring-inset",
    "placeholder:text-stone-500 disabled:cursor-not-allowed disabled:bg-stone-100",
    "focus:outline-none focus:ring-2 focus:ring-orange-700",
    invalid ? "ring-red-600" : "ring-stone-300",
    className,
  );

export function Input({ className, ...props }: ComponentProps<"input">) {
  const invalid = props["aria-invalid"] === true || props["aria-invalid"] === "true";
  return <input className={controlStyles(invalid, cx("min-h-11", className))} {...props} />;
}

export function Textarea({ className, ...props }: ComponentProps<"textarea">) {
  const invalid = props["aria-invalid"] === true || props["aria-invalid"] === "true";
  return <textarea className={controlStyles(invalid, cx("min-h-20 resize-y", className))} {...props} />;
}

/** What a Field hands its control so label, hint and error stay wired to it. */
export interface FieldControlProps {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
  "aria-errormessage"?: string;
}

export interface FieldProps {
  label: ReactNode;
  /** Shown under the label; linked to the control with aria-describedby. */
  hint?: ReactNode;
  error?: string;
  optional?: boolean;
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
}

/**
 * Label + control + hint + error, accessibly linked:
 * `<Field label="Name" error={e}>{(c) => <Input {...c} name="name" />}</Field>`.
 */
export function Field({ label, hint, error, optional, className, children }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : undefined, error ? errorId : undefined].filter(Boolean).join(" ");
  return (
    <div className={cx("space-y-1.5", className)}>
      <label htmlFor={id} className="block text-sm font-semibold text-stone-900">
        {label}
        {optional && <span className="ml-1 font-normal text-stone-600">(optional)</span>}
      </label>
      {hint && (
        <p id={hintId} className="text-sm text-stone-600">
          {hint}
        </p>
      )}
      {children({
        id,
        "aria-describedby": describedBy || undefined,
        "aria-invalid": error ? true : undefined,
        "aria-errormessage": error ? errorId : undefined,
      })}
      {error && (
        <p id={errorId} className="flex items-start gap-1.5 text-sm font-medium text-red-700">
          <AlertIcon className="mt-0.5 size-4 shrink-0" />
          {error}
        </p>
      )}
    </div>
  );
}
