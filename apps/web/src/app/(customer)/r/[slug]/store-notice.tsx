import type { Restaurant } from "@tiffin/restaurants";
import { Alert } from "@tiffin/ui";

/** Why this restaurant takes no orders right now (the Add buttons point here), or nothing when it does. */
export function StoreNotice({ restaurant: r, id }: { restaurant: Restaurant; id: string }) {
  if (r.isOpen) return null;
  return (
    <div className="mx-auto max-w-6xl px-4 pt-6 sm:px-6">
      <Alert id={id} tone="warning" title={`${r.name} is closed right now`}>
        You can look through the menu, but ordering is paused until they open again. Opening hours: {r.hours}.
      </Alert>
    </div>
  );
}
