"use client";

import type { MenuItem, Restaurant } from "@tiffin/restaurants";
import { useState } from "react";
import { type CartOption, checkAdd, emptyCart, itemCount } from "@/cart/cart";
import { dispatchCart, useCart } from "@/cart/cart-store";
import { announce } from "@/components/live-announcer";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** A dish on its way to the cart: with the options chosen for it and how many. */
export interface PendingAdd {
  item: MenuItem;
  options: CartOption[];
  quantity: number;
}

/**
 * The menu page's cart: adding a dish (through the options chooser when it has options), and asking before
 * a dish from another restaurant replaces the cart.
 */
export function useMenuCart(r: Restaurant) {
  const cart = useCart();
  const [choosing, setChoosing] = useState<MenuItem | null>(null);
  const [confirming, setConfirming] = useState<PendingAdd | null>(null);

  const put = (pending: PendingAdd, startNewCart = false) => {
    const check = startNewCart ? "ok" : checkAdd(cart ?? emptyCart, r.id, pending.item.id, pending.options);
    if (check === "other-restaurant") {
      setConfirming(pending);
      return;
    }
    if (check !== "ok") return;
    const next = dispatchCart({
      type: "add",
      restaurant: { id: r.id, slug: r.slug, name: r.name },
      item: pending.item,
      options: pending.options,
      quantity: pending.quantity,
      startNewCart,
    });
    const what = pending.quantity > 1 ? `${pending.quantity} × ${pending.item.name}` : pending.item.name;
    announce(`Added ${what}. ${plural(itemCount(next), "item")} in your cart.`);
  };

  return {
    cart,
    /** The cart, when it is this restaurant's. */
    mine: cart?.restaurant?.id === r.id ? cart : null,
    /** Add pressed on a dish: straight in, or choose its options first. */
    startAdd: (item: MenuItem) =>
      item.optionGroups.length > 0 ? setChoosing(item) : put({ item, options: [], quantity: 1 }),
    choosing,
    closeChooser: () => setChoosing(null),
    addChosen: (item: MenuItem, options: CartOption[], quantity: number) => {
      setChoosing(null);
      put({ item, options, quantity });
    },
    confirming,
    keepCart: () => setConfirming(null),
    startNewCart: () => {
      if (confirming) put(confirming, true);
      setConfirming(null);
    },
  };
}
