import { Badge, cardStyles, cx, focusRing } from "@tiffin/ui";
import type { ReactNode } from "react";
import { RestaurantImage } from "@/components/restaurant-image";
import { useDocumentTitle } from "@/components/use-document-title";
import type { MyRestaurant } from "./types";

/** For staff of several restaurants: which one this screen is for. */
export function RestaurantPicker({
  restaurants,
  onChoose,
  notice,
}: {
  restaurants: MyRestaurant[];
  onChoose: (restaurantId: string) => void;
  notice: ReactNode;
}) {
  useDocumentTitle("Choose your restaurant");
  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      {notice}
      <h1 className="text-2xl font-extrabold tracking-tight sm:text-3xl">Which restaurant is this?</h1>
      <p className="mt-2 text-stone-600">
        You work for more than one restaurant. Choose the one whose orders this screen should show; this
        device will remember your choice.
      </p>
      <ul className="mt-6 grid gap-3 sm:grid-cols-2">
        {restaurants.map((r) => (
          <li key={r.id}>
            <RestaurantOption restaurant={r} onChoose={() => onChoose(r.id)} />
          </li>
        ))}
      </ul>
    </div>
  );
}

function RestaurantOption({ restaurant: r, onChoose }: { restaurant: MyRestaurant; onChoose: () => void }) {
  return (
    <button
      type="button"
      onClick={onChoose}
      className={cardStyles(
        cx(
          "flex w-full items-center gap-3 p-3 text-left transition hover:shadow-md hover:ring-stone-300",
          focusRing,
        ),
      )}
    >
      <RestaurantImage restaurant={r} className="size-14 shrink-0 rounded-xl" />
      <span className="min-w-0 flex-1">
        <span className="block font-bold text-stone-900">{r.name}</span>
        <span className="block text-sm text-stone-600">{r.role === "owner" ? "Owner" : "Staff"}</span>
      </span>
      {!r.isOpen && <Badge tone="neutral">Closed</Badge>}
    </button>
  );
}
