"use client";

import { cx, focusRing } from "@tiffin/ui";
import { type KeyboardEvent, type ReactNode, useId, useRef } from "react";

/**
 * Tabs as WAI-ARIA describes them: a tablist of buttons (arrow keys move between them, Home/End jump), one
 * tabpanel showing the selected tab. Large targets that wrap on a phone.
 */
export function Tabs<T extends string>({
  label,
  tabs,
  selected,
  onSelect,
  children,
  size = "md",
}: {
  label: string;
  tabs: readonly { id: T; label: ReactNode }[];
  selected: T;
  onSelect: (id: T) => void;
  children: ReactNode;
  size?: "md" | "lg";
}) {
  const base = useId();
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const last = tabs.length - 1;
    const next =
      event.key === "ArrowRight"
        ? index === last
          ? 0
          : index + 1
        : event.key === "ArrowLeft"
          ? index === 0
            ? last
            : index - 1
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? last
              : undefined;
    if (next === undefined) return;
    event.preventDefault();
    const tab = tabs[next];
    if (!tab) return;
    onSelect(tab.id);
    buttons.current[next]?.focus();
  };
  return (
    <div>
      <div role="tablist" aria-label={label} className="flex flex-wrap gap-2">
        {tabs.map((tab, i) => {
          const active = tab.id === selected;
          return (
            <button
              key={tab.id}
              ref={(el) => {
                buttons.current[i] = el;
              }}
              type="button"
              role="tab"
              id={`${base}-tab-${tab.id}`}
              aria-selected={active}
              aria-controls={`${base}-panel`}
              tabIndex={active ? 0 : -1}
              onClick={() => onSelect(tab.id)}
              onKeyDown={(e) => onKeyDown(e, i)}
              className={cx(
                "inline-flex items-center gap-2 rounded-xl px-4 font-semibold transition-colors",
                size === "lg" ? "min-h-12 text-base" : "min-h-11 text-sm",
                active
                  ? "bg-stone-900 text-white"
                  : "bg-white text-stone-800 ring-1 ring-inset ring-stone-300 hover:bg-stone-50",
                focusRing,
              )}
            >
              {tab.label}
            </button>
          );
        })}
      </div>
      <div role="tabpanel" id={`${base}-panel`} aria-labelledby={`${base}-tab-${selected}`} className="mt-4">
        {children}
      </div>
    </div>
  );
}
