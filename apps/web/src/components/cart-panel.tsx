"use client";

import type { Restaurant } from "@tiffin/restaurants";
import {
  Alert,
  Button,
  buttonStyles,
  cardStyles,
  cx,
  focusRing,
  formatPrice,
  Price,
  QuantityStepper,
  Skeleton,
  TrashIcon,
} from "@tiffin/ui";
import Link from "next/link";
import { useId } from "react";
import { CART_LIMITS, type Cart, itemCount, optionsText, subtotalCents } from "@/cart/cart";
import { dispatchCart, useCart } from "@/cart/cart-store";
import { announce } from "./live-announcer";

type PanelRestaurant = Pick<Restaurant, "id" | "name" | "isOpen" | "deliveryFeeCents" | "minimumOrderCents">;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

function CartLines({ cart }: { cart: Cart }) {
  return (
    <ul className="divide-y divide-stone-100">
      {cart.lines.map((line) => {
        // Two lines of one dish differ by their options: say which, so each control's name is its own.
        const label = line.options.length > 0 ? `${line.name} (${optionsText(line.options)})` : line.name;
        return (
          <li key={line.key} className="flex flex-wrap items-center gap-x-3 gap-y-2 py-3">
            <div className="min-w-0 flex-1">
              <p className="font-medium text-stone-900">{line.name}</p>
              {line.options.length > 0 && (
                <p className="text-xs text-stone-600">{optionsText(line.options)}</p>
              )}
              <Price cents={line.unitPriceCents * line.quantity} className="text-sm text-stone-600" />
            </div>
            <div className="flex items-center gap-1">
              <QuantityStepper
                value={line.quantity}
                max={CART_LIMITS.maxQuantity}
                itemLabel={label}
                onChange={(quantity) => {
                  const next = dispatchCart({ type: "setQuantity", key: line.key, quantity });
                  announce(`${line.name}: ${quantity}. ${plural(itemCount(next), "item")} in your cart.`);
                }}
              />
              <button
                type="button"
                onClick={() => {
                  const next = dispatchCart({ type: "remove", key: line.key });
                  announce(`Removed ${line.name}. ${plural(itemCount(next), "item")} in your cart.`);
                }}
                aria-label={`Remove ${label} from cart`}
                className={cx(
                  "grid size-9 place-items-center rounded-full text-stone-600 hover:bg-red-50 hover:text-red-700",
                  focusRing,
                )}
              >
                <TrashIcon className="size-4.5" />
              </button>
            </div>
          </li>
        );
      })}
    </ul>
  );
}

function PanelBody({ cart, restaurant }: { cart: Cart | null; restaurant: PanelRestaurant }) {
  const reasonId = useId();
  if (!cart) {
    return (
      <div className="space-y-3 py-2">
        <Skeleton className="h-5 w-3/4 rounded-md" />
        <Skeleton className="h-5 w-1/2 rounded-md" />
      </div>
    );
  }
  if (cart.lines.length === 0) {
    return (
      <div className="py-6 text-center">
        <p aria-hidden="true" className="text-4xl">
          🛍️
        </p>
        <p className="mt-2 font-semibold">Your cart is empty</p>
        <p className="mt-1 text-sm text-stone-600">Add dishes from the menu and they'll show up here.</p>
      </div>
    );
  }
  if (cart.restaurant && cart.restaurant.id !== restaurant.id) {
    return (
      <div className="space-y-3 py-2 text-sm">
        <p>
          Your cart has {plural(itemCount(cart), "item")} from <strong>{cart.restaurant.name}</strong>.
          {restaurant.isOpen && ` Adding a dish from ${restaurant.name} will ask you to start a new order.`}
        </p>
        <Link
          href={`/r/${cart.restaurant.slug}`}
          className={buttonStyles({ variant: "secondary", size: "sm" })}
        >
          Back to {cart.restaurant.name}
        </Link>
      </div>
    );
  }

  const subtotal = subtotalCents(cart);
  const shortBy = restaurant.minimumOrderCents - subtotal;
  const blocker = !restaurant.isOpen
    ? `${restaurant.name} is closed, so this order can't be placed right now.`
    : shortBy > 0
      ? `Add ${formatPrice(shortBy)} more to reach the ${formatPrice(restaurant.minimumOrderCents)} minimum order.`
      : undefined;

  return (
    <div className="space-y-4">
      <CartLines cart={cart} />
      {cart.lines.length >= CART_LIMITS.maxLines && (
        <Alert tone="info">An order can have at most {CART_LIMITS.maxLines} different dishes.</Alert>
      )}
      <dl className="space-y-1 border-t border-stone-200 pt-4 text-sm">
        <div className="flex justify-between font-semibold text-stone-900">
          <dt>Subtotal</dt>
          <dd>
            <Price cents={subtotal} />
          </dd>
        </div>
        <div className="flex justify-between text-stone-600">
          <dt>Delivery</dt>
          <dd>{restaurant.deliveryFeeCents === 0 ? "Free" : formatPrice(restaurant.deliveryFeeCents)}</dd>
        </div>
      </dl>
      <p className="text-xs text-stone-600">The service fee and your total are confirmed at checkout.</p>
      {blocker && (
        <p id={reasonId} className="rounded-xl bg-amber-50 p-3 text-sm font-medium text-amber-900">
          {blocker}
        </p>
      )}
      {blocker ? (
        <Button block size="lg" disabled aria-describedby={reasonId}>
          Checkout
        </Button>
      ) : (
        <Link href="/checkout" className={buttonStyles({ block: true, size: "lg" })}>
          Checkout
        </Link>
      )}
    </div>
  );
}

/** The cart beside a menu: a labelled region on desktop; inside the bottom sheet on phones (`bare`). */
export function CartPanel({ restaurant, bare = false }: { restaurant: PanelRestaurant; bare?: boolean }) {
  const cart = useCart();
  const headingId = useId();
  if (bare) return <PanelBody cart={cart} restaurant={restaurant} />;
  return (
    <section aria-labelledby={headingId} className={cardStyles("p-5")}>
      <h2 id={headingId} className="mb-2 text-lg font-bold">
        Your order
      </h2>
      <PanelBody cart={cart} restaurant={restaurant} />
    </section>
  );
}
