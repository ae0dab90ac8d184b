import { ClockIcon, cx, formatPrice, StarIcon } from "@tiffin/ui";

const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });
const full = new Intl.NumberFormat("en-US");

export function Rating({ rating, count, className }: { rating: number; count: number; className?: string }) {
  return (
    <span className={cx("inline-flex items-center gap-1 text-sm", className)}>
      <span className="inline-flex items-center gap-0.5 rounded-full bg-emerald-50 px-2 py-0.5 font-bold text-emerald-800">
        <StarIcon className="size-3.5" />
        {rating.toFixed(1)}
        <span className="sr-only"> out of 5 stars,</span>
      </span>
      <span className="text-stone-600">
        <span aria-hidden="true">({compact.format(count)})</span>
        <span className="sr-only">{full.format(count)} ratings</span>
      </span>
    </span>
  );
}

export function Eta({ min, max, className }: { min: number; max: number; className?: string }) {
  return (
    <span className={cx("inline-flex items-center gap-1", className)}>
      <ClockIcon className="size-4" />
      {min}–{max} min
    </span>
  );
}

export const deliveryFeeText = (cents: number) =>
  cents === 0 ? "Free delivery" : `${formatPrice(cents)} delivery`;

const priceWords = { 1: "inexpensive", 2: "moderately priced", 3: "upscale" } as const;

export function PriceLevel({ level }: { level: 1 | 2 | 3 }) {
  return (
    <span>
      <span aria-hidden="true">{"$".repeat(level)}</span>
      <span className="sr-only">{priceWords[level]}</span>
    </span>
  );
}
