"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import {
  Alert,
  Button,
  CloseIcon,
  cx,
  EmptyState,
  focusRing,
  SearchIcon,
  Switch,
  ToggleChip,
} from "@tiffin/ui";
import Image from "next/image";
import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { type Filters, searchLocally } from "@/catalog/local-search";
import type { RestaurantList } from "@/catalog/types";
import { CatalogUnavailable } from "@/components/catalog-unavailable";
import { LoadError } from "@/components/load-error";
import { RestaurantCard, RestaurantCardSkeleton } from "@/components/restaurant-card";
import { isRefusal, problemOf } from "@/trpc/problem";
import { useTRPC } from "@/trpc/react";

const SEARCH_DEBOUNCE_MS = 250;

// Drawings made for the demo dishes (emoji render as empty boxes where no emoji font is installed).
const heroDishes = [
  {
    src: "/illustrations/dishes/bombay-tiffin-house/butter-chicken.svg",
    className: "left-[12%] top-[18%] size-24",
  },
  { src: "/illustrations/dishes/nonna-rosa/margherita.svg", className: "left-[48%] top-[8%] size-20" },
  {
    src: "/illustrations/dishes/sakura-ramen-bar/tonkotsu-ramen.svg",
    className: "left-[70%] top-[38%] size-28",
  },
  {
    src: "/illustrations/dishes/el-fogon-taqueria/al-pastor-taco.svg",
    className: "left-[30%] top-[58%] size-20",
  },
  { src: "/illustrations/dishes/green-bowl/harvest-bowl.svg", className: "left-[58%] top-[72%] size-16" },
];

const filtersFrom = (params: URLSearchParams): Filters => ({
  q: params.get("q")?.trim() ?? "",
  cuisine: params.get("cuisine") ?? "",
  open: params.get("open") === "1",
});

/**
 * The URL is the state (`?q=&cuisine=&open=1`), so results can be shared and survive reloads. It is written
 * with history.replaceState, which Next keeps in sync with useSearchParams without a server round trip.
 */
const useFilters = () => {
  const params = useSearchParams();
  const pathname = usePathname();
  const filters = filtersFrom(params);
  const update = useCallback(
    (patch: Partial<Filters>) => {
      const next = { ...filtersFrom(new URLSearchParams(window.location.search)), ...patch };
      const query = new URLSearchParams();
      if (next.q) query.set("q", next.q);
      if (next.cuisine) query.set("cuisine", next.cuisine);
      if (next.open) query.set("open", "1");
      const search = query.toString();
      const target = search ? `${pathname}?${search}` : pathname;
      // Next treats replaceState as a navigation: never write the URL the page already has.
      if (target === `${window.location.pathname}${window.location.search}`) return;
      window.history.replaceState(null, "", target);
    },
    [pathname],
  );
  return [filters, update] as const;
};

/**
 * `initial` is the full list the server rendered the page with (from its cache), or null when it had none
 * and the service did not answer. Filters are still asked of the service; while it cannot answer, they
 * run on `initial`.
 */
export function RestaurantBrowser({ initial }: { initial: RestaurantList | null }) {
  const trpc = useTRPC();
  const [filters, setFilters] = useFilters();
  const [text, setText] = useState(filters.q);
  // The value this component last wrote to the URL: anything else (back button, a link) resets the box.
  const written = useRef(filters.q);

  useEffect(() => {
    if (filters.q !== written.current) {
      written.current = filters.q;
      setText(filters.q);
    }
  }, [filters.q]);

  useEffect(() => {
    const q = text.trim();
    if (q === written.current) return;
    const timer = setTimeout(() => {
      // Enter may have written it meanwhile: writing the same URL again would be a navigation to it, and
      // would cancel a link the person clicked in between (the results' restaurant card).
      if (q === written.current) return;
      written.current = q;
      setFilters({ q });
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, setFilters]);

  // Cuisine and "open now" are answered exactly from the full list; words also search dishes, which
  // only the service can do.
  const local = initial && { ...initial, restaurants: searchLocally(initial.restaurants, filters) };
  const list = useQuery(
    trpc.restaurants.list.queryOptions(
      {
        query: filters.q || undefined,
        cuisine: filters.cuisine || undefined,
        openNow: filters.open || undefined,
      },
      {
        placeholderData: keepPreviousData,
        // What the page was rendered with; dated 0 so the browser still asks the service at once (a store
        // that paused a moment ago shows as paused), and keeps showing it if the service cannot answer.
        initialData: filters.q ? undefined : (local ?? undefined),
        initialDataUpdatedAt: 0,
      },
    ),
  );

  // The service refused the filters (4xx): say why. It cannot answer right now: search what the page
  // has, and say so.
  const refused = list.isError && !list.data && isRefusal(list.error);
  const searchedLocally = list.isError && !list.data && !refused && local !== null;
  const restaurants = list.data?.restaurants ?? (searchedLocally ? local?.restaurants : undefined);
  const cuisines = list.data?.cuisines ?? initial?.cuisines ?? [];
  const unavailable = !restaurants && initial === null && !list.isSuccess;
  const filtered = Boolean(filters.q || filters.cuisine || filters.open);
  const clearAll = () => {
    written.current = "";
    setText("");
    setFilters({ q: "", cuisine: "", open: false });
  };

  return (
    <>
      <section
        aria-labelledby="hero-title"
        className="relative overflow-hidden bg-linear-to-br from-orange-100 via-amber-50 to-rose-50"
      >
        <div
          aria-hidden="true"
          className="pointer-events-none absolute inset-y-0 right-0 hidden w-1/2 lg:block"
        >
          {heroDishes.map(({ src, className }) => (
            <Image
              unoptimized
              key={src}
              src={src}
              width={240}
              height={240}
              alt=""
              className={cx("absolute rounded-full bg-white/70 object-cover shadow-lg", className)}
            />
          ))}
        </div>
        <div className="relative mx-auto max-w-6xl px-4 pb-10 pt-10 sm:px-6 sm:pb-14 sm:pt-16">
          <div className="max-w-xl">
            <h1 id="hero-title" className="text-4xl font-extrabold tracking-tight text-stone-900 sm:text-5xl">
              Dinner from the places you love
            </h1>
            <p className="mt-3 text-lg text-stone-700">
              Find neighbourhood restaurants and dishes, and have them brought to your door.
            </p>
            <search className="mt-6">
              <form
                className="relative"
                onSubmit={(event) => {
                  event.preventDefault();
                  written.current = text.trim();
                  setFilters({ q: text.trim() });
                }}
              >
                <label htmlFor="restaurant-search" className="sr-only">
                  Search restaurants or dishes
                </label>
                <SearchIcon className="pointer-events-none absolute left-4 top-1/2 size-5 -translate-y-1/2 text-stone-500" />
                <input
                  id="restaurant-search"
                  type="search"
                  value={text}
                  onChange={(event) => setText(event.target.value)}
                  placeholder="Try “biryani”, “pizza” or “vegan”"
                  maxLength={80}
                  autoComplete="off"
                  enterKeyHint="search"
                  className="block min-h-14 w-full rounded-2xl bg-white pl-12 pr-12 text-base text-stone-900 shadow-lg shadow-orange-900/5 ring-1 ring-stone-200 placeholder:text-stone-500 focus:outline-none focus:ring-2 focus:ring-orange-700 [&::-webkit-search-cancel-button]:hidden"
                />
                {text && (
                  <button
                    type="button"
                    onClick={() => {
                      written.current = "";
                      setText("");
                      setFilters({ q: "" });
                    }}
                    aria-label="Clear search"
                    className={cx(
                      "absolute right-3 top-1/2 grid size-8 -translate-y-1/2 place-items-center rounded-full text-stone-600 hover:bg-stone-100",
                      focusRing,
                    )}
                  >
                    <CloseIcon className="size-4" />
                  </button>
                )}
              </form>
            </search>
          </div>
        </div>
      </section>

      <div className="mx-auto max-w-6xl px-4 sm:px-6">
        <div className="flex flex-col gap-3 border-b border-stone-200 py-4 sm:flex-row sm:items-center">
          <fieldset className="-mx-4 min-w-0 flex-1 sm:mx-0">
            <legend className="sr-only">Cuisine</legend>
            <div className="flex gap-2 overflow-x-auto px-4 py-1 [scrollbar-width:none] sm:flex-wrap sm:px-0">
              <ToggleChip pressed={!filters.cuisine} onClick={() => setFilters({ cuisine: "" })}>
                All
              </ToggleChip>
              {cuisines.map((cuisine) => (
                <ToggleChip
                  key={cuisine}
                  pressed={filters.cuisine.toLowerCase() === cuisine.toLowerCase()}
                  onClick={() => setFilters({ cuisine: filters.cuisine === cuisine ? "" : cuisine })}
                >
                  {cuisine}
                </ToggleChip>
              ))}
            </div>
          </fieldset>
          <Switch
            checked={filters.open}
            onChange={(open) => setFilters({ open })}
            label="Open now"
            className="shrink-0"
          />
        </div>

        <section aria-labelledby="results-title" className="py-6">
          <div className="mb-4 flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="results-title" className="text-2xl font-bold tracking-tight">
              {filters.q
                ? `Results for “${filters.q}”`
                : filters.cuisine
                  ? `${filters.cuisine} restaurants`
                  : "All restaurants"}
            </h2>
            <p role="status" className="text-sm text-stone-600">
              {restaurants
                ? `${restaurants.length} ${restaurants.length === 1 ? "restaurant" : "restaurants"}${filters.open ? " open now" : ""}`
                : list.isPending && !unavailable
                  ? "Loading restaurants…"
                  : ""}
            </p>
          </div>

          {searchedLocally && (
            <Alert tone="info" live="status" className="mb-4" title="Dish search is temporarily unavailable">
              These are the restaurants whose name, cuisine or description matches.
            </Alert>
          )}
          {refused ? (
            <LoadError
              title="We couldn't load restaurants"
              message={problemOf(list.error).message}
              onRetry={() => list.refetch()}
              retrying={list.isFetching}
            />
          ) : unavailable ? (
            <CatalogUnavailable
              title="The restaurant catalog is temporarily unavailable"
              onRetry={() => list.refetch()}
              retrying={list.isFetching}
            />
          ) : !restaurants ? (
            <ul aria-hidden="true" className="grid gap-5 sm:grid-cols-2 lg:grid-cols-3">
              {["a", "b", "c", "d", "e", "f"].map((key) => (
                <li key={key}>
                  <RestaurantCardSkeleton />
                </li>
              ))}
            </ul>
          ) : restaurants.length === 0 ? (
            <EmptyState
              icon="🔍"
              title={filters.q ? `No restaurants match “${filters.q}”` : "No restaurants match these filters"}
              description={
                filters.open
                  ? "Nothing matching is open right now. Try turning off “Open now”, or search for something else."
                  : "Try a different dish or cuisine, or check the spelling."
              }
              action={
                filtered && (
                  <Button variant="secondary" onClick={clearAll}>
                    Clear search and filters
                  </Button>
                )
              }
            />
          ) : (
            <ul
              aria-busy={list.isFetching}
              className={cx(
                "grid gap-5 transition-opacity sm:grid-cols-2 lg:grid-cols-3",
                list.isPlaceholderData && "opacity-60",
              )}
            >
              {restaurants.map((restaurant) => (
                <li key={restaurant.id}>
                  <RestaurantCard restaurant={restaurant} />
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}
