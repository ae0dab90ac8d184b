"use client";

import { useQuery } from "@tanstack/react-query";
import type { Restaurant } from "@tiffin/restaurants";
import { cx, Dialog, focusRing } from "@tiffin/ui";
import { notFound } from "next/navigation";
import { useId, useState } from "react";
import type { RestaurantDetail } from "@/catalog/types";
import { CartPanel } from "@/components/cart-panel";
import { LoadError } from "@/components/load-error";
import { useDocumentTitle } from "@/components/use-document-title";
import { problemOf } from "@/trpc/problem";
import { useTRPC } from "@/trpc/react";
import { MenuItemCard } from "./menu-item-card";
import { MenuSkeleton } from "./menu-skeleton";
import { MobileCartBar } from "./mobile-cart-bar";
import { NewOrderDialog } from "./new-order-dialog";
import { OptionChooser } from "./option-chooser";
import { RestaurantHeader } from "./restaurant-header";
import { StoreNotice } from "./store-notice";
import { useMenuCart } from "./use-menu-cart";

/** `initial`: the menu the server rendered; the browser still asks at once (dated 0), and keeps it on failure. */
export function RestaurantMenu({ slug, initial }: { slug: string; initial?: RestaurantDetail }) {
  const trpc = useTRPC();
  const restaurant = useQuery(
    trpc.restaurants.bySlug.queryOptions({ slug }, { initialData: initial, initialDataUpdatedAt: 0 }),
  );
  useDocumentTitle(restaurant.data?.name);

  if (restaurant.isPending) return <MenuSkeleton />;
  if (restaurant.isError && !restaurant.data) {
    const problem = problemOf(restaurant.error);
    // 404, or a slug the service refuses outright (400): either way there is no such restaurant.
    if (problem.status === 404 || problem.status === 400) notFound();
    return (
      <div className="mx-auto max-w-3xl px-4 py-12">
        <LoadError
          title="We couldn't load this menu"
          message={problem.message}
          onRetry={() => restaurant.refetch()}
          retrying={restaurant.isFetching}
        />
      </div>
    );
  }
  return <RestaurantView restaurant={restaurant.data} />;
}

/** The menu: header, why it takes no orders (when it doesn't), sections of dishes, and the cart beside them. */
function RestaurantView({ restaurant: r }: { restaurant: Restaurant }) {
  const menuCart = useMenuCart(r);
  const { cart, mine } = menuCart;
  const closedNoticeId = useId();
  const [sheetOpen, setSheetOpen] = useState(false);

  return (
    <div className={cx(mine && "pb-24 lg:pb-0")}>
      <RestaurantHeader restaurant={r} />
      <StoreNotice restaurant={r} id={closedNoticeId} />

      <nav
        aria-label="Menu categories"
        className="sticky top-16 z-20 mt-4 border-y border-stone-200 bg-stone-50"
      >
        <ul className="mx-auto flex max-w-6xl gap-2 overflow-x-auto px-4 py-2.5 [scrollbar-width:none] sm:px-6">
          {r.menu.map((category) => (
            <li key={category.id} className="shrink-0">
              <a
                href={`#category-${category.id}`}
                className={cx(
                  "inline-flex min-h-9 items-center rounded-full px-3.5 text-sm font-semibold text-stone-700 hover:bg-white hover:text-stone-900 hover:shadow-sm",
                  focusRing,
                )}
              >
                {category.name}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <div className="mx-auto max-w-6xl px-4 sm:px-6 lg:grid lg:grid-cols-[minmax(0,1fr)_22rem] lg:gap-8">
        <div className="min-w-0">
          {r.menu.map((category) => (
            <section
              key={category.id}
              id={`category-${category.id}`}
              aria-labelledby={`heading-${category.id}`}
              className="pt-8"
            >
              <h2 id={`heading-${category.id}`} className="mb-4 text-xl font-bold tracking-tight">
                {category.name}
              </h2>
              <ul className="grid gap-3 md:grid-cols-2 lg:grid-cols-1 xl:grid-cols-2">
                {category.items.map((item) => (
                  <MenuItemCard
                    key={item.id}
                    item={item}
                    restaurant={r}
                    cart={cart}
                    closedNoticeId={closedNoticeId}
                    onAdd={() => menuCart.startAdd(item)}
                  />
                ))}
              </ul>
            </section>
          ))}
        </div>
        <aside aria-label="Cart" className="hidden lg:block">
          <div className="sticky top-36 pt-8">
            <CartPanel restaurant={r} />
          </div>
        </aside>
      </div>

      {mine && <MobileCartBar cart={mine} onOpen={() => setSheetOpen(true)} />}
      <Dialog open={sheetOpen} onClose={() => setSheetOpen(false)} title="Your order" variant="sheet">
        <CartPanel restaurant={r} bare />
      </Dialog>

      <OptionChooser item={menuCart.choosing} onClose={menuCart.closeChooser} onAdd={menuCart.addChosen} />
      <NewOrderDialog
        dishName={menuCart.confirming?.item.name ?? null}
        cart={cart}
        restaurantName={r.name}
        onKeep={menuCart.keepCart}
        onStartNew={menuCart.startNewCart}
      />
    </div>
  );
}
