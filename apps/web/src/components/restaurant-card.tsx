import type { RestaurantSummary } from "@tiffin/restaurants";
import { Badge, cardStyles, cx, Skeleton } from "@tiffin/ui";
import Link from "next/link";
import { DietaryBadges } from "./dietary";
import { deliveryFeeText, Eta, PriceLevel, Rating } from "./restaurant-facts";
import { RestaurantImage } from "./restaurant-image";

/** The accent colour with a soft highlight, standing in for a photo. */
export const accentTile = (accent: string) => ({
  backgroundColor: accent,
  backgroundImage: "radial-gradient(circle at 30% 25%, rgb(255 255 255 / 0.45), transparent 60%)",
});

export function RestaurantCard({ restaurant: r }: { restaurant: RestaurantSummary }) {
  return (
    <article
      className={cardStyles(
        "group relative flex h-full flex-col overflow-hidden transition duration-200 focus-within:ring-2 focus-within:ring-orange-700 hover:-translate-y-0.5 hover:shadow-lg motion-reduce:transition-none motion-reduce:hover:translate-y-0",
      )}
    >
      <div className="relative aspect-[16/8] overflow-hidden">
        <RestaurantImage
          restaurant={r}
          className={cx(
            "absolute inset-0 size-full transition-transform duration-300 group-hover:scale-105 motion-reduce:transition-none",
            !r.isOpen && "grayscale-[60%]",
          )}
        />
        {!r.isOpen && (
          <>
            <div aria-hidden="true" className="absolute inset-0 bg-stone-900/45" />
            <Badge tone="dark" size="md" className="absolute left-3 top-3 ring-white/30">
              Closed
            </Badge>
          </>
        )}
        <span className="absolute bottom-3 right-3 rounded-full bg-white/95 px-2.5 py-1 text-xs font-bold text-stone-900 shadow-sm">
          <Eta min={r.etaMinutes.min} max={r.etaMinutes.max} />
        </span>
      </div>
      <div className="flex flex-1 flex-col gap-2 p-4">
        <div className="flex items-start justify-between gap-3">
          <h3 className="text-lg font-bold leading-snug text-stone-900">
            <Link
              href={`/r/${r.slug}`}
              className="outline-none after:absolute after:inset-0 after:content-[''] hover:underline"
            >
              {r.name}
              {!r.isOpen && <span className="sr-only"> (closed now)</span>}
            </Link>
          </h3>
          <Rating rating={r.rating} count={r.ratingCount} className="shrink-0" />
        </div>
        <p className="text-sm text-stone-600">
          {r.cuisine} · <PriceLevel level={r.priceLevel} /> · {deliveryFeeText(r.deliveryFeeCents)}
        </p>
        {!r.isOpen && (
          <p className="text-sm font-medium text-stone-800">Closed now · Opening hours {r.hours}</p>
        )}
        <DietaryBadges tags={r.dietary.slice(0, 3)} label={`Dietary options at ${r.name}`} />
      </div>
    </article>
  );
}

export function RestaurantCardSkeleton() {
  return (
    <div className={cardStyles("overflow-hidden")}>
      <Skeleton className="aspect-[16/8]" />
      <div className="space-y-3 p-4">
        <Skeleton className="h-5 w-2/3 rounded-md" />
        <Skeleton className="h-4 w-1/2 rounded-md" />
        <Skeleton className="h-5 w-1/3 rounded-md" />
      </div>
    </div>
  );
}
