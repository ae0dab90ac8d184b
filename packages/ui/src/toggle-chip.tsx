import type { ComponentProps } from "react";
import { cx } from "./cx";
import { focusRing } from "./focus";

export interface ToggleChipProps extends Omit<ComponentProps<"button">, "type"> {
  pressed: boolean;
}

/** A filter chip: a toggle button whose pressed state is exposed with aria-pressed. */
export function ToggleChip({ pressed, className, ...props }: ToggleChipProps) {
  return (
    <button
      type="button"
      aria-pressed={pressed}
      className={cx(
        "inline-flex min-h-10 shrink-0 items-center gap-1.5 rounded-full px-4 text-sm font-semibold transition-colors",
        pressed
          ? "bg-stone-900 text-white hover:bg-stone-800"
          : "bg-white text-stone-800 ring-1 ring-inset ring-stone-300 hover:bg-stone-50",
        focusRing,
        className,
      )}
      {...props}
    />
  );
}
