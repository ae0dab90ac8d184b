import { cx } from "./cx";
import { focusRing } from "./focus";
import { MinusIcon, PlusIcon } from "./icons";

export interface QuantityStepperProps {
  value: number;
  onChange: (next: number) => void;
  /** What is being counted, e.g. the dish name: buttons read "Increase quantity of Dal makhani". */
  itemLabel: string;
  min?: number;
  max?: number;
  disabled?: boolean;
  className?: string;
}

const stepButton = cx(
  "grid size-9 place-items-center rounded-full text-stone-800 transition-colors hover:bg-stone-100",
  "disabled:cursor-not-allowed disabled:text-stone-400 disabled:hover:bg-transparent",
  focusRing,
);

export function QuantityStepper({
  value,
  onChange,
  itemLabel,
  min = 1,
  max = 20,
  disabled,
  className,
}: QuantityStepperProps) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: a fieldset would add a legend and border for two buttons.
    <div
      role="group"
      aria-label={`Quantity of ${itemLabel}`}
      className={cx("inline-flex items-center rounded-full bg-white ring-1 ring-stone-300", className)}
    >
      <button
        type="button"
        className={stepButton}
        onClick={() => onChange(value - 1)}
        disabled={disabled || value <= min}
        aria-label={`Decrease quantity of ${itemLabel}`}
      >
        <MinusIcon className="size-4" />
      </button>
      <span className="min-w-7 text-center text-sm font-semibold tabular-nums">{value}</span>
      <button
        type="button"
        className={stepButton}
        onClick={() => onChange(value + 1)}
        disabled={disabled || value >= max}
        aria-label={`Increase quantity of ${itemLabel}`}
      >
        <PlusIcon className="size-4" />
      </button>
    </div>
  );
}
