"use client";

import { BagIcon, cx, focusRing, Price } from "@tiffin/ui";
import { type Cart, itemCount, subtotalCents } from "@/cart/cart";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** On phones: the cart's size and subtotal along the bottom, opening the cart sheet. */
export function MobileCartBar({ cart, onOpen }: { cart: Cart; onOpen: () => void }) {
  return (
    <div className="fixed inset-x-0 bottom-0 z-30 border-t border-stone-200 bg-white/95 p-3 backdrop-blur lg:hidden">
      <button
        type="button"
        onClick={onOpen}
        className={cx(
          "flex min-h-13 w-full items-center justify-between gap-3 rounded-2xl bg-orange-700 px-4 font-semibold text-white shadow-lg hover:bg-orange-800",
          focusRing,
        )}
      >
        <span className="inline-flex items-center gap-2">
          <BagIcon className="size-5" />
          View your order
        </span>
        <span className="tabular-nums">
          {plural(itemCount(cart), "item")} · <Price cents={subtotalCents(cart)} />
        </span>
      </button>
    </div>
  );
}
