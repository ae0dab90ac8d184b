import { cx } from "./cx";
import { focusRing } from "./focus";

export interface SwitchProps {
  checked: boolean;
  onChange: (checked: boolean) => void;
  label: string;
  className?: string;
}

/** An on/off filter; the visible label is its accessible name. */
export function Switch({ checked, onChange, label, className }: SwitchProps) {
  return (
    <button
      type="button"
      role="switch"
      aria-checked={checked}
      onClick={() => onChange(!checked)}
      className={cx(
        "inline-flex min-h-11 items-center gap-2.5 rounded-full text-sm font-semibold",
        focusRing,
        className,
      )}
    >
      <span
        aria-hidden="true"
        className={cx(
          "relative inline-flex h-6 w-11 shrink-0 items-center rounded-full transition-colors",
          checked ? "bg-emerald-700" : "bg-stone-400",
        )}
      >
        <span
          className={cx(
            "inline-block size-5 rounded-full bg-white shadow transition-transform",
            checked ? "translate-x-5.5" : "translate-x-0.5",
          )}
        />
      </span>
      {label}
    </button>
  );
}
