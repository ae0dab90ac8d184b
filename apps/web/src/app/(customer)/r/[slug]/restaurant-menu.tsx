"use client";

import { useQuery } from "@tanstack/react-query";
import type { MenuItem, Restaurant } from "@tiffin/restaurants";
import {
  Alert,
  Badge,
  BagIcon,
  Button,
  ChevronLeftIcon,
  cx,
  Dialog,
  focusRing,
  formatPrice,
  MapPinIcon,
  PlusIcon,
  Price,
  Skeleton,
} from "@tiffin/ui";
import Link from "next/link";
import { notFound } from "next/navigation";
import { useId, useState } from "react";
import {
  type AddCheck,
  type Cart,
  checkAdd,
  emptyCart,
  itemCount,
  quantityOf,
  subtotalCents,
} from "@/cart/cart";
import { dispatchCart, useCart } from "@/cart/cart-store";
import type { RestaurantDetail } from "@/catalog/types";
import { CartPanel } from "@/components/cart-panel";
import { DietaryBadges } from "@/components/dietary";
import { announce } from "@/components/live-announcer";
import { LoadError } from "@/components/load-error";
import { accentTile } from "@/components/restaurant-card";
import { deliveryFeeText, Eta, PriceLevel, Rating } from "@/components/restaurant-facts";
import { useDocumentTitle } from "@/components/use-document-title";
import { problemOf } from "@/trpc/problem";
import { useTRPC } from "@/trpc/react";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

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

function RestaurantView({ restaurant: r }: { restaurant: Restaurant }) {
  const cart = useCart();
  const closedNoticeId = useId();
  const [confirming, setConfirming] = useState<MenuItem | null>(null);
  const [sheetOpen, setSheetOpen] = useState(false);
  const mine = cart?.restaurant?.id === r.id ? cart : null;

  const add = (item: MenuItem, startNewCart = false) => {
    const current = cart ?? emptyCart;
    const check = startNewCart ? "ok" : checkAdd(current, r.id, item.id);
    if (check === "other-restaurant") {
      setConfirming(item);
      return;
    }
    if (check !== "ok") return;
    const next = dispatchCart({
      type: "add",
      restaurant: { id: r.id, slug: r.slug, name: r.name },
      item,
      startNewCart,
    });
    announce(`Added ${item.name}. ${plural(itemCount(next), "item")} in your cart.`);
  };

  return (
    <div className={cx(mine && "pb-24 lg:pb-0")}>
      <RestaurantHeader restaurant={r} />
      {!r.isOpen && (
        <div className="mx-auto max-w-6xl px-4 pt-6 sm:px-6">
          <Alert id={closedNoticeId} tone="warning" title={`${r.name} is closed right now`}>
            You can look through the menu, but ordering is paused until they open again. Opening hours:{" "}
            {r.hours}.
          </Alert>
        </div>
      )}

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
                    onAdd={() => add(item)}
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

      <Dialog
        open={confirming !== null}
        onClose={() => setConfirming(null)}
        role="alertdialog"
        title="Start a new order?"
        description={
          cart?.restaurant && confirming ? (
            <>
              Your cart has {plural(itemCount(cart), "item")} from {cart.restaurant.name}. Adding{" "}
              {confirming.name} will empty it and start a new order from {r.name}.
            </>
          ) : null
        }
        footer={
          <>
            <Button variant="secondary" onClick={() => setConfirming(null)}>
              Keep current cart
            </Button>
            <Button
              onClick={() => {
                if (confirming) add(confirming, true);
                setConfirming(null);
              }}
            >
              Start new order
            </Button>
          </>
        }
      />
    </div>
  );
}

function RestaurantHeader({ restaurant: r }: { restaurant: Restaurant }) {
  return (
    <section aria-labelledby="restaurant-name" className="bg-white">
      <div className="relative h-32 sm:h-44" style={accentTile(r.accent)}>
        <div className="mx-auto max-w-6xl px-4 pt-4 sm:px-6">
          <Link
            href="/"
            className={cx(
              "inline-flex min-h-9 items-center gap-1 rounded-full bg-white/90 pl-2 pr-3.5 text-sm font-semibold text-stone-900 shadow-sm hover:bg-white",
              focusRing,
            )}
          >
            <ChevronLeftIcon className="size-4" />
            All restaurants
          </Link>
        </div>
      </div>
      <div className="mx-auto max-w-6xl px-4 pb-6 sm:px-6">
        <div
          aria-hidden="true"
          className="-mt-10 grid size-20 place-items-center rounded-2xl bg-white text-5xl shadow-md ring-1 ring-stone-200 sm:-mt-12 sm:size-24 sm:text-6xl"
        >
          {r.emoji}
        </div>
        <div className="mt-3 flex flex-wrap items-center gap-x-3 gap-y-1">
          <h1 id="restaurant-name" className="text-3xl font-extrabold tracking-tight sm:text-4xl">
            {r.name}
          </h1>
          {r.isOpen ? <Badge tone="success">Open now</Badge> : <Badge tone="dark">Closed</Badge>}
        </div>
        <p className="mt-1 text-stone-700">
          {r.cuisine} · <PriceLevel level={r.priceLevel} />
        </p>
        <p className="mt-2 max-w-2xl text-stone-600">{r.description}</p>
        <ul className="mt-4 flex flex-wrap gap-x-5 gap-y-2 text-sm text-stone-700">
          <li>
            <Rating rating={r.rating} count={r.ratingCount} />
          </li>
          <li className="inline-flex items-center">
            <Eta min={r.etaMinutes.min} max={r.etaMinutes.max} />
          </li>
          <li className="inline-flex items-center">{deliveryFeeText(r.deliveryFeeCents)}</li>
          <li className="inline-flex items-center">
            {r.minimumOrderCents > 0
              ? `${formatPrice(r.minimumOrderCents)} minimum order`
              : "No minimum order"}
          </li>
        </ul>
        <ul className="mt-2 flex flex-wrap gap-x-5 gap-y-1 text-sm text-stone-600">
          <li>Hours: {r.hours}</li>
          <li className="inline-flex items-center gap-1">
            <MapPinIcon className="size-4" />
            {r.address}
          </li>
        </ul>
      </div>
    </section>
  );
}

const blockedReason: Partial<Record<AddCheck, string>> = {
  "line-at-max": "Limit of 20 reached",
  "cart-full": "Cart is full",
};

function MenuItemCard({
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
  const inCart = cart?.restaurant?.id === restaurant.id ? quantityOf(cart, item.id) : 0;
  const check = cart ? checkAdd(cart, restaurant.id, item.id) : "ok";
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
          <Price cents={item.priceCents} />
        </p>
      </div>
      <div className="flex shrink-0 flex-col items-end justify-between gap-2">
        {item.available ? (
          <Button
            variant="secondary"
            size="sm"
            onClick={onAdd}
            disabled={!restaurant.isOpen || reason !== undefined}
            aria-label={`Add ${item.name} to cart`}
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

function MobileCartBar({ cart, onOpen }: { cart: Cart; onOpen: () => void }) {
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

function MenuSkeleton() {
  return (
    <div aria-busy="true">
      <p className="sr-only" role="status">
        Loading the menu…
      </p>
      <Skeleton className="h-32 sm:h-44" />
      <div className="mx-auto max-w-6xl space-y-3 px-4 py-6 sm:px-6">
        <Skeleton className="-mt-16 size-20 rounded-2xl" />
        <Skeleton className="h-9 w-2/3 max-w-sm rounded-md" />
        <Skeleton className="h-4 w-1/2 max-w-xs rounded-md" />
        <Skeleton className="h-4 w-3/4 max-w-lg rounded-md" />
        <div className="grid gap-3 pt-8 md:grid-cols-2">
          {["a", "b", "c", "d"].map((key) => (
            <Skeleton key={key} className="h-32 rounded-2xl" />
          ))}
        </div>
      </div>
    </div>
  );
}
