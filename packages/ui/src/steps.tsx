import type { ReactNode } from "react";
import { cx } from "./cx";
import { CheckIcon } from "./icons";

export interface Step {
  label: string;
  /** Extra line under a reached step, e.g. the time it happened. */
  detail?: ReactNode;
}

export interface StepsProps {
  steps: Step[];
  /** Index of the step reached last; earlier steps are complete, later ones upcoming. */
  current: number;
  label: string;
  className?: string;
}

/** A progress timeline: vertical on phones, horizontal from the sm breakpoint. */
export function Steps({ steps, current, label, className }: StepsProps) {
  return (
    <ol aria-label={label} className={cx("flex flex-col gap-0 sm:flex-row", className)}>
      {steps.map((step, index) => {
        const state = index < current ? "complete" : index === current ? "current" : "upcoming";
        const reached = state !== "upcoming";
        return (
          <li
            key={step.label}
            aria-current={state === "current" ? "step" : undefined}
            className="relative flex flex-1 gap-3 pb-6 last:pb-0 sm:flex-col sm:items-center sm:gap-2 sm:pb-0 sm:text-center"
          >
            {index < steps.length - 1 && (
              <span
                aria-hidden="true"
                className={cx(
                  "absolute left-3.5 top-8 h-[calc(100%-2.25rem)] w-0.5 sm:left-[calc(50%+1.25rem)] sm:top-3.5 sm:h-0.5 sm:w-[calc(100%-2.5rem)]",
                  index < current ? "bg-emerald-600" : "bg-stone-200",
                )}
              />
            )}
            <span
              aria-hidden="true"
              className={cx(
                "relative z-10 grid size-7 shrink-0 place-items-center rounded-full text-xs font-bold",
                state === "complete" && "bg-emerald-700 text-white",
                state === "current" && "bg-emerald-700 text-white ring-4 ring-emerald-100",
                state === "upcoming" && "bg-white text-stone-500 ring-2 ring-inset ring-stone-300",
              )}
            >
              {reached ? <CheckIcon className="size-4" /> : index + 1}
            </span>
            <span className="min-w-0 pt-0.5 sm:pt-0">
              <span
                className={cx("block text-sm font-semibold", reached ? "text-stone-900" : "text-stone-600")}
              >
                {step.label}
                <span className="sr-only">
                  {state === "complete" ? " (done)" : state === "current" ? " (current)" : " (not yet)"}
                </span>
              </span>
              {reached && step.detail && <span className="block text-xs text-stone-600">{step.detail}</span>}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
