"use client";

import { buttonStyles, cx, EmptyState, focusRing, Spinner } from "@tiffin/ui";
import Link from "next/link";
import { useId, useState } from "react";
import type { Cart, CartRestaurant } from "@/cart/cart";
import { useCart } from "@/cart/cart-store";
import { emptyCard, testModeCard } from "@/checkout/card";
import { CardSection } from "./card-section";
import { CheckoutSkeleton } from "./checkout-skeleton";
import { DetailsSection } from "./details-section";
import { SummaryPanel } from "./summary-panel";
import { useCheckout } from "./use-checkout";

/** `/checkout`: the cart's bill, the details and card, and the one button that places the order. */
export function CheckoutView({ testMode }: { testMode: boolean }) {
  const cart = useCart();
  const [placedOrderId, setPlacedOrderId] = useState<string | null>(null);

  if (placedOrderId) {
    return (
      <div className="mx-auto flex max-w-md flex-col items-center gap-3 px-4 py-20 text-center" role="status">
        <Spinner className="size-8 text-orange-700" />
        <p className="font-semibold">Order placed! Taking you to your order…</p>
      </div>
    );
  }
  if (!cart) return <CheckoutSkeleton />;
  if (!cart.restaurant || cart.lines.length === 0) {
    return (
      <EmptyState
        headingLevel={1}
        icon="🛍️"
        title="Your cart is empty"
        description="Find a restaurant you like, add a few dishes, and they'll be waiting for you here."
        action={
          <Link href="/" className={buttonStyles()}>
            Browse restaurants
          </Link>
        }
        variant="page"
      />
    );
  }
  return (
    <CheckoutForm cart={cart} restaurant={cart.restaurant} testMode={testMode} onPlaced={setPlacedOrderId} />
  );
}

function CheckoutForm({
  cart,
  restaurant,
  testMode,
  onPlaced,
}: {
  cart: Cart;
  restaurant: CartRestaurant;
  testMode: boolean;
  onPlaced: (orderId: string) => void;
}) {
  const formId = useId();
  const checkout = useCheckout({
    cart,
    restaurant,
    initialCard: testMode ? testModeCard : emptyCard,
    onPlaced,
  });
  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
      <Link
        href={`/r/${restaurant.slug}`}
        className={cx(
          "inline-flex items-center gap-1 rounded text-sm font-semibold text-orange-800 hover:underline",
          focusRing,
        )}
      >
        ← Back to {restaurant.name}
      </Link>
      <h1 className="mt-3 text-3xl font-extrabold tracking-tight">Checkout</h1>

      <div className="mt-6 grid gap-8 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <form
          id={formId}
          noValidate
          onSubmit={checkout.submit}
          aria-label="Delivery details"
          className="space-y-6"
        >
          <DetailsSection {...checkout} />
          <CardSection {...checkout} testMode={testMode} />
        </form>
        <div className="lg:sticky lg:top-24 lg:self-start">
          <SummaryPanel cart={cart} restaurant={restaurant} formId={formId} checkout={checkout} />
        </div>
      </div>
    </div>
  );
}
