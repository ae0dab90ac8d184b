"use client";

import { Button, Dialog } from "@tiffin/ui";
import { type Cart, itemCount } from "@/cart/cart";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** Asks before a dish from this restaurant empties a cart from another one. */
export function NewOrderDialog({
  dishName,
  cart,
  restaurantName,
  onKeep,
  onStartNew,
}: {
  /** The dish waiting to be added; null while nothing is. */
  dishName: string | null;
  cart: Cart | null;
  restaurantName: string;
  onKeep: () => void;
  onStartNew: () => void;
}) {
  return (
    <Dialog
      open={dishName !== null}
      onClose={onKeep}
      role="alertdialog"
      title="Start a new order?"
      description={
        cart?.restaurant && dishName ? (
          <>
            Your cart has {plural(itemCount(cart), "item")} from {cart.restaurant.name}. Adding {dishName}{" "}
            will empty it and start a new order from {restaurantName}.
          </>
        ) : null
      }
      footer={
        <>
          <Button variant="secondary" onClick={onKeep}>
            Keep current cart
          </Button>
          <Button onClick={onStartNew}>Start new order</Button>
        </>
      }
    />
  );
}
