import type { Restaurant } from "@tiffin/restaurants";
import { Badge, ChevronLeftIcon, cx, focusRing, formatPrice, MapPinIcon } from "@tiffin/ui";
import Link from "next/link";
import { deliveryFeeText, Eta, PriceLevel, Rating } from "@/components/restaurant-facts";
import { RestaurantImage } from "@/components/restaurant-image";

/** The restaurant's picture, name, cuisine and the facts a customer decides on. */
export function RestaurantHeader({ restaurant: r }: { restaurant: Restaurant }) {
  return (
    <section aria-labelledby="restaurant-name" className="bg-white">
      <div className="relative h-32 overflow-hidden sm:h-44">
        <RestaurantImage restaurant={r} eager className="absolute inset-0 size-full" />
        <div className="relative mx-auto max-w-6xl px-4 pt-4 sm:px-6">
          <Link
            href="/"
            className={cx(
              "inline-flex min-h-9 items-center gap-1 rounded-full bg-white/90 pl-2 pr-3.5 text-sm font-semibold text-stone-900 shadow-sm hover:bg-white",
              focusRing,
            )}
          >
            <ChevronLeftIcon className="size-4" />
            All restaurants
          </Link>
        </div>
      </div>
      <div className="mx-auto max-w-6xl px-4 pb-6 pt-4 sm:px-6">
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <h1 id="restaurant-name" className="text-3xl font-extrabold tracking-tight sm:text-4xl">
            {r.name}
          </h1>
          {r.isOpen ? <Badge tone="success">Open now</Badge> : <Badge tone="dark">Closed</Badge>}
        </div>
        <p className="mt-1 text-stone-700">
          {r.cuisine} · <PriceLevel level={r.priceLevel} />
        </p>
        <p className="mt-2 max-w-2xl text-stone-600">{r.description}</p>
        <ul className="mt-4 flex flex-wrap gap-x-5 gap-y-2 text-sm text-stone-700">
          <li>
            <Rating rating={r.rating} count={r.ratingCount} />
          </li>
          <li className="inline-flex items-center">
            <Eta min={r.etaMinutes.min} max={r.etaMinutes.max} />
          </li>
          <li className="inline-flex items-center">{deliveryFeeText(r.deliveryFeeCents)}</li>
          <li className="inline-flex items-center">
            {r.minimumOrderCents > 0
              ? `${formatPrice(r.minimumOrderCents)} minimum order`
              : "No minimum order"}
          </li>
        </ul>
        <ul className="mt-2 flex flex-wrap gap-x-5 gap-y-1 text-sm text-stone-600">
          <li>Hours: {r.hours}</li>
          <li className="inline-flex items-center gap-1">
            <MapPinIcon className="size-4" />
            {r.address}
          </li>
        </ul>
      </div>
    </section>
  );
}
