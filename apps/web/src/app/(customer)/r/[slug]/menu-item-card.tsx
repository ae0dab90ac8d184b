"use client";

import type { MenuItem, Restaurant } from "@tiffin/restaurants";
import { Badge, Button, cx, PlusIcon, Price } from "@tiffin/ui";
import { type AddCheck, CART_LIMITS, type Cart, checkAdd, quantityOf } from "@/cart/cart";
import { DietaryBadges } from "@/components/dietary";
import { DishImage } from "@/components/dish-image";

const blockedReason: Partial<Record<AddCheck, string>> = {
  "line-at-max": "Limit of 20 reached",
  "cart-full": "Cart is full",
};

/** One dish: picture, name, description, dietary tags, price; Add (with options: opens the chooser). */
export function MenuItemCard({
  item,
  restaurant,
  cart,
  closedNoticeId,
  onAdd,
}: {
  item: MenuItem;
  restaurant: Restaurant;
  cart: Cart | null;
  closedNoticeId: string;
  onAdd: () => void;
}) {
  const choosesOptions = item.optionGroups.length > 0;
  const inCart = cart?.restaurant?.id === restaurant.id ? quantityOf(cart, item.id) : 0;
  // A dish with options is a new line for each choice, so only a full cart blocks it here.
  const check: AddCheck = !cart
    ? "ok"
    : choosesOptions
      ? cart.lines.length >= CART_LIMITS.maxLines
        ? "cart-full"
        : "ok"
      : checkAdd(cart, restaurant.id, item.id);
  const reason = blockedReason[check];
  return (
    <li className="flex gap-4 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-stone-200/80">
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-center gap-2">
          <h3 className="font-semibold text-stone-900">{item.name}</h3>
          {item.popular && <Badge tone="brand">Popular</Badge>}
        </div>
        <p className="mt-1 text-sm text-stone-600">{item.description}</p>
        <div className="mt-2">
          <DietaryBadges tags={item.dietary} label={`Dietary information for ${item.name}`} />
        </div>
        <p
          className={cx(
            "mt-2 font-semibold",
            item.available ? "text-stone-900" : "text-stone-600 line-through",
          )}
        >
          {choosesOptions && <span className="font-normal text-stone-600">from </span>}
          <Price cents={item.priceCents} />
        </p>
        {choosesOptions && (
          <p className="text-xs text-stone-600">{item.optionGroups.map((g) => g.name).join(" · ")}</p>
        )}
      </div>
      <div className="flex shrink-0 flex-col items-end justify-between gap-2">
        <DishImage item={item} className={cx("size-20 sm:size-24", !item.available && "grayscale")} />
        {item.available ? (
          <Button
            variant="secondary"
            size="sm"
            onClick={onAdd}
            disabled={!restaurant.isOpen || reason !== undefined}
            aria-label={`Add ${item.name} to cart`}
            aria-haspopup={choosesOptions ? "dialog" : undefined}
            aria-describedby={restaurant.isOpen ? undefined : closedNoticeId}
            pill
          >
            <PlusIcon className="size-4" />
            Add
          </Button>
        ) : (
          <Badge tone="neutral" size="md">
            Sold out
          </Badge>
        )}
        {inCart > 0 && (
          <span className="rounded-full bg-orange-50 px-2 py-0.5 text-xs font-bold text-orange-800">
            {inCart} in cart
          </span>
        )}
        {item.available && reason && <span className="text-xs text-stone-600">{reason}</span>}
      </div>
    </li>
  );
}
