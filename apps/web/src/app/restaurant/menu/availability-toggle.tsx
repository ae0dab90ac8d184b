"use client";

import { cx, focusRing } from "@tiffin/ui";

/**
 * On the menu or sold out, as a switch named after what it is for ("Available: Raita"); its visible word
 * starts its name, so it can be spoken as seen.
 */
export function AvailabilityToggle({
  name,
  available,
  busy,
  onChange,
}: {
  name: string;
  available: boolean;
  busy?: boolean;
  onChange: (available: boolean) => void;
}) {
  return (
    <button
      type="button"
      role="switch"
      aria-checked={available}
      aria-label={`Available: ${name}`}
      disabled={busy}
      onClick={() => onChange(!available)}
      className={cx(
        "inline-flex min-h-11 items-center gap-2 rounded-full pr-1 text-sm font-semibold disabled:opacity-60",
        focusRing,
      )}
    >
      <span
        aria-hidden="true"
        className={cx(
          "relative inline-flex h-6 w-11 shrink-0 items-center rounded-full transition-colors",
          available ? "bg-emerald-700" : "bg-stone-400",
        )}
      >
        <span
          className={cx(
            "inline-block size-5 rounded-full bg-white shadow transition-transform",
            available ? "translate-x-5.5" : "translate-x-0.5",
          )}
        />
      </span>
      <span className={available ? "text-emerald-800" : "text-stone-700"}>Available</span>
    </button>
  );
}
