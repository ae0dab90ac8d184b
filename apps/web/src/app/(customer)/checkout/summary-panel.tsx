"use client";

import { Alert, Button, buttonStyles, Card, cx, focusRing } from "@tiffin/ui";
import Link from "next/link";
import { useId } from "react";
import type { Cart, CartRestaurant } from "@/cart/cart";
import { NotACustomer, SignInToOrder } from "./account-notices";
import { OrderSummary } from "./order-summary";
import type { Checkout } from "./use-checkout";

/** The sticky side of checkout: the bill, what stops the order (if anything), and the place button. */
export function SummaryPanel({
  cart,
  restaurant,
  formId,
  checkout,
}: {
  cart: Cart;
  restaurant: CartRestaurant;
  formId: string;
  checkout: Checkout;
}) {
  const blockerId = useId();
  const { quote, quoteProblem, placeProblem, session, canOrder, placing, placeBlocker } = checkout;
  return (
    <section aria-labelledby="summary-title" className="space-y-4">
      <Card className="p-5 sm:p-6">
        <div className="flex items-baseline justify-between gap-3">
          <h2 id="summary-title" className="text-lg font-bold">
            Order summary
          </h2>
          <Link
            href={`/r/${restaurant.slug}`}
            className={cx("rounded text-sm font-semibold text-orange-800 hover:underline", focusRing)}
          >
            Edit order
          </Link>
        </div>
        <p className="mt-1 text-sm text-stone-600">From {quote.data?.restaurantName ?? restaurant.name}</p>
        <OrderSummary cart={cart} quote={quote.data} problem={quoteProblem} />
      </Card>

      {quoteProblem && (
        <Alert
          tone="danger"
          live="alert"
          title="This order can't be placed yet"
          action={
            quoteProblem.status === undefined ? (
              <Button
                variant="secondary"
                size="sm"
                onClick={() => quote.refetch()}
                loading={quote.isFetching}
              >
                Try again
              </Button>
            ) : (
              <Link
                href={`/r/${restaurant.slug}`}
                className={buttonStyles({ variant: "secondary", size: "sm" })}
              >
                Back to the menu
              </Link>
            )
          }
        >
          {quoteProblem.message}
        </Alert>
      )}

      {placeProblem && !quoteProblem && (
        <Alert
          tone="danger"
          live="alert"
          title={placeProblem.status === 402 ? "Your card was declined" : "Your order wasn't placed"}
        >
          {placeProblem.message}
        </Alert>
      )}

      {session.status === "signed-out" ? (
        <SignInToOrder />
      ) : session.status === "signed-in" && !canOrder ? (
        <NotACustomer session={session} />
      ) : (
        <>
          <Button
            type="submit"
            form={formId}
            size="lg"
            block
            loading={placing}
            disabled={placeBlocker !== undefined || session.status === "loading"}
            aria-describedby={placeBlocker ? blockerId : undefined}
          >
            {placing ? "Placing order…" : "Place order"}
          </Button>
          {placeBlocker && (
            <p id={blockerId} className={quoteProblem ? "sr-only" : "text-center text-sm text-stone-600"}>
              {placeBlocker}
            </p>
          )}
        </>
      )}
    </section>
  );
}
