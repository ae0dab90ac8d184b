import type { ComponentProps } from "react";
import { cx } from "./cx";
import { focusRing } from "./focus";
import { Spinner } from "./spinner";

export type ButtonVariant = "primary" | "secondary" | "ghost" | "danger";
export type ButtonSize = "sm" | "md" | "lg";

const variants: Record<ButtonVariant, string> = {
  primary: "bg-orange-700 text-white shadow-sm hover:bg-orange-800 active:bg-orange-900",
  secondary:
    "bg-white text-stone-900 ring-1 ring-inset ring-stone-300 shadow-sm hover:bg-stone-50 active:bg-stone-100",
  ghost: "text-stone-700 hover:bg-stone-100 active:bg-stone-200",
  danger: "bg-white text-red-700 ring-1 ring-inset ring-red-200 hover:bg-red-50 active:bg-red-100",
};

const sizes: Record<ButtonSize, string> = {
  sm: "min-h-9 gap-1.5 px-3 text-sm",
  md: "min-h-11 gap-2 px-4 text-sm",
  lg: "min-h-13 gap-2 px-6 text-base",
};

export interface ButtonStyleOptions {
  variant?: ButtonVariant;
  size?: ButtonSize;
  block?: boolean;
  /** Fully rounded, for compact actions on cards ("+ Add"). */
  pill?: boolean;
  className?: string;
}

/** Button look without the element, for links that should read as actions (e.g. Next's <Link>). */
export const buttonStyles = ({
  variant = "primary",
  size = "md",
  block,
  pill,
  className,
}: ButtonStyleOptions = {}) =>
  cx(
    "inline-flex select-none items-center justify-center font-semibold transition-colors",
    "disabled:cursor-not-allowed disabled:opacity-50 aria-disabled:cursor-not-allowed aria-disabled:opacity-50",
    focusRing,
    variants[variant],
    sizes[size],
    pill ? "rounded-full" : "rounded-xl",
    block && "w-full",
    className,
  );

export interface ButtonProps extends ComponentProps<"button">, Omit<ButtonStyleOptions, "className"> {
  /** Disables the button and shows a spinner; keep the label meaningful ("Placing order…"). */
  loading?: boolean;
}

export function Button({
  variant,
  size,
  block,
  pill,
  loading = false,
  className,
  disabled,
  type = "button",
  children,
  ...props
}: ButtonProps) {
  return (
    <button
      type={type}
      disabled={disabled || loading}
      aria-busy={loading || undefined}
      className={buttonStyles({ variant, size, block, pill, className })}
      {...props}
    >
      {loading && <Spinner className="size-4" />}
      {children}
    </button>
  );
}
