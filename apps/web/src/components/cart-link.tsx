"use client";

import { BagIcon, cx, focusRing } from "@tiffin/ui";
import Link from "next/link";
import { itemCount } from "@/cart/cart";
import { useCart } from "@/cart/cart-store";

/** Accessible name "Cart 3 items" / "Cart empty": the visible text ("Cart 3") is part of it, as WCAG asks. */
export function CartLink() {
  const cart = useCart();
  const count = cart ? itemCount(cart) : null;
  return (
    <Link
      href="/checkout"
      className={cx(
        "relative inline-flex min-h-11 items-center gap-2 rounded-full bg-stone-900 px-4 text-sm font-semibold text-white transition-colors hover:bg-stone-700",
        focusRing,
      )}
    >
      <BagIcon className="size-5" />
      <span>Cart</span>{" "}
      {count !== null && count > 0 ? (
        <span className="grid min-w-6 place-items-center rounded-full bg-white px-1.5 text-xs font-bold tabular-nums text-stone-900">
          {count}
          <span className="sr-only"> {count === 1 ? "item" : "items"}</span>
        </span>
      ) : (
        count === 0 && <span className="sr-only">empty</span>
      )}
    </Link>
  );
}
