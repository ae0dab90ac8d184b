"use client";

import { useQuery } from "@tanstack/react-query";
import type { KitchenTicket } from "@tiffin/restaurants";
import { Alert, Badge, Button, cardStyles, cx, EmptyState, focusRing, Price, Skeleton } from "@tiffin/ui";
import type { inferRouterOutputs } from "@trpc/server";
import { usePathname, useSearchParams } from "next/navigation";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { SignInPrompt, WrongAccount } from "@/components/account-gates";
import { announce } from "@/components/live-announcer";
import { LoadError } from "@/components/load-error";
import { useDocumentTitle } from "@/components/use-document-title";
import { useNow } from "@/components/use-now";
import { ageInSeconds, formatDateTime, timeAgo } from "@/lib/time";
import { useSession } from "@/session/use-session";
import type { AppRouter } from "@/trpc/app-router";
import { problemOf } from "@/trpc/problem";
import { useTRPC } from "@/trpc/react";

const POLL_MS = 3_000;
/** A ticket this young is highlighted, so a new order stands out on a busy screen. */
const FRESH_MS = 60_000;
const STORAGE_KEY = "tiffin.dashboard.restaurant.v1";

const readChoice = (): string | null => {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
};

const saveChoice = (restaurantId: string | null) => {
  try {
    if (restaurantId) window.localStorage.setItem(STORAGE_KEY, restaurantId);
    else window.localStorage.removeItem(STORAGE_KEY);
  } catch {
    // The choice then lasts only as long as the `?r=` in the address bar.
  }
};

type MyRestaurant = inferRouterOutputs<AppRouter>["restaurants"]["myRestaurants"][number];

/**
 * `/restaurant`, for restaurant staff only. The restaurants offered are the ones the account works for
 * (`restaurants.myRestaurants`): one goes straight to its board; with several, `?r=<id>` or the choice
 * saved on this device picks one, else a picker. Anyone else is told who the page is for.
 */
export function KitchenDashboard() {
  const session = useSession();
  if (session.status === "loading") return <BoardSkeleton />;
  if (session.status === "signed-out") {
    return (
      <SignInPrompt
        icon="🧑‍🍳"
        title="This page is for restaurant staff"
        description="Sign in with your restaurant staff account to see your kitchen's incoming orders."
        next="/restaurant"
      />
    );
  }
  if (session.actor.role !== "restaurant") {
    return (
      <WrongAccount
        actor={session.actor}
        icon="🧑‍🍳"
        title="This page is for restaurant staff"
        reason="A restaurant's incoming orders are shown only to the people who work there."
        next="/restaurant"
      />
    );
  }
  return <StaffDashboard />;
}

function StaffDashboard() {
  const trpc = useTRPC();
  const params = useSearchParams();
  const pathname = usePathname();
  const fromUrl = params.get("r");
  const mine = useQuery(trpc.restaurants.myRestaurants.queryOptions());
  // undefined until localStorage has been read (it doesn't exist during server rendering).
  const [saved, setSaved] = useState<string | null | undefined>(undefined);

  useEffect(() => {
    setSaved(readChoice());
  }, []);

  const isMine = (id: string | null | undefined) => Boolean(id && mine.data?.some((r) => r.id === id));

  useEffect(() => {
    if (fromUrl && mine.data?.some((r) => r.id === fromUrl)) saveChoice(fromUrl);
  }, [fromUrl, mine.data]);

  const choose = (restaurantId: string | null) => {
    saveChoice(restaurantId);
    setSaved(restaurantId);
    const search = restaurantId ? `?r=${encodeURIComponent(restaurantId)}` : "";
    window.history.replaceState(null, "", `${pathname}${search}`);
  };

  if (mine.isError && !mine.data) {
    return (
      <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
        <LoadError
          title="We couldn't load your restaurants"
          message={problemOf(mine.error).message}
          onRetry={() => mine.refetch()}
          retrying={mine.isFetching}
        />
      </div>
    );
  }
  if (!mine.data || saved === undefined) return <BoardSkeleton />;
  if (mine.data.length === 0) {
    return (
      <EmptyState
        headingLevel={1}
        icon="🧑‍🍳"
        title="Your account isn't linked to a restaurant yet"
        description="Ask your restaurant's owner to add you to their team on Tiffin, then sign in again."
        variant="page"
      />
    );
  }

  const requested = fromUrl ?? saved;
  const only = mine.data.length === 1 ? mine.data[0] : undefined;
  const chosen = mine.data.find((r) => r.id === requested) ?? only;
  // A link or saved choice for a restaurant this account doesn't work for: say so, show theirs instead.
  const notYours = fromUrl !== null && !isMine(fromUrl);
  const notice = notYours ? (
    <Alert tone="warning" live="status" title="That restaurant isn't on your account" className="mb-6">
      Orders are shown only to the people who work at a restaurant.{" "}
      {chosen ? "Here are your restaurant's orders instead." : "Choose one of your restaurants."}
    </Alert>
  ) : null;

  if (!chosen) return <RestaurantPicker restaurants={mine.data} onChoose={choose} notice={notice} />;
  return (
    <TicketBoard
      key={chosen.id}
      restaurant={chosen}
      notice={notice}
      onSwitch={mine.data.length > 1 ? () => choose(null) : undefined}
    />
  );
}

function RestaurantPicker({
  restaurants,
  onChoose,
  notice,
}: {
  restaurants: MyRestaurant[];
  onChoose: (restaurantId: string) => void;
  notice: ReactNode;
}) {
  useDocumentTitle("Choose your restaurant");
  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      {notice}
      <h1 className="text-2xl font-extrabold tracking-tight sm:text-3xl">Which restaurant is this?</h1>
      <p className="mt-2 text-stone-600">
        You work for more than one restaurant. Choose the one whose orders this screen should show; this
        device will remember your choice.
      </p>
      <ul className="mt-6 grid gap-3 sm:grid-cols-2">
        {restaurants.map((r) => (
          <li key={r.id}>
            <RestaurantChoice restaurant={r} onChoose={() => onChoose(r.id)} />
          </li>
        ))}
      </ul>
    </div>
  );
}

function RestaurantChoice({ restaurant: r, onChoose }: { restaurant: MyRestaurant; onChoose: () => void }) {
  return (
    <button
      type="button"
      onClick={onChoose}
      className={cardStyles(
        cx(
          "flex w-full items-center gap-3 p-3 text-left transition hover:shadow-md hover:ring-stone-300",
          focusRing,
        ),
      )}
    >
      <span
        aria-hidden="true"
        className="grid size-14 shrink-0 place-items-center rounded-xl bg-orange-50 text-3xl"
      >
        {r.emoji}
      </span>
      <span className="min-w-0 flex-1">
        <span className="block font-bold text-stone-900">{r.name}</span>
        <span className="block text-sm text-stone-600">{r.role === "owner" ? "Owner" : "Staff"}</span>
      </span>
      {!r.isOpen && <Badge tone="neutral">Closed</Badge>}
    </button>
  );
}

const newestFirst = (a: KitchenTicket, b: KitchenTicket) => b.placedAt.localeCompare(a.placedAt);

/** Announces tickets that arrive while the board is open (not the ones already there when it loaded). */
const useArrivalAnnouncements = (tickets: KitchenTicket[] | undefined) => {
  const seen = useRef<Set<string> | null>(null);
  useEffect(() => {
    if (!tickets) return;
    if (seen.current === null) {
      seen.current = new Set(tickets.map((t) => t.orderId));
      return;
    }
    const known = seen.current;
    const arrived = tickets.filter((t) => !known.has(t.orderId));
    for (const t of arrived) known.add(t.orderId);
    const [first] = arrived;
    if (arrived.length === 1 && first) announce(`New order ${first.shortCode} from ${first.customerName}.`);
    else if (arrived.length > 1) announce(`${arrived.length} new orders.`);
  }, [tickets]);
};

function TicketBoard({
  restaurant,
  notice,
  onSwitch,
}: {
  restaurant: MyRestaurant;
  notice: ReactNode;
  /** Only for staff of several restaurants. */
  onSwitch: (() => void) | undefined;
}) {
  const trpc = useTRPC();
  const restaurantId = restaurant.id;
  const tickets = useQuery(
    trpc.restaurants.tickets.queryOptions(
      { restaurantId },
      {
        refetchInterval: (query) =>
          query.state.status === "error" && query.state.data === undefined ? false : POLL_MS,
        // A kitchen screen often sits in a background tab; it must keep up anyway.
        refetchIntervalInBackground: true,
        staleTime: 0,
      },
    ),
  );
  const now = useNow(1_000);
  const sorted = tickets.data ? [...tickets.data].sort(newestFirst) : undefined;
  useArrivalAnnouncements(tickets.data);
  useDocumentTitle(
    sorted && sorted.length > 0 ? `(${sorted.length}) ${restaurant.name} orders` : "Kitchen orders",
  );

  if (tickets.isError && !tickets.data) {
    const problem = problemOf(tickets.error);
    return (
      <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
        {problem.status === 404 || problem.status === 400 ? (
          <EmptyState
            headingLevel={1}
            icon="🏚️"
            title="We couldn't find that restaurant"
            description="It may have been removed from Tiffin, or from your account. Sign in again if you were just added."
            action={onSwitch && <Button onClick={onSwitch}>Choose your restaurant</Button>}
          />
        ) : (
          <LoadError
            title="We couldn't load your orders"
            message={problem.message}
            onRetry={() => tickets.refetch()}
            retrying={tickets.isFetching}
          />
        )}
      </div>
    );
  }

  return (
    <div className="mx-auto max-w-7xl px-4 py-6 sm:px-6">
      {notice}
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <p className="text-sm font-semibold uppercase tracking-wider text-stone-600">Incoming orders</p>
          <h1 className="text-2xl font-extrabold tracking-tight sm:text-3xl">{restaurant.name}</h1>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <FreshnessIndicator updatedAt={tickets.dataUpdatedAt} failing={tickets.isRefetchError} now={now} />
          {onSwitch && (
            <Button variant="secondary" size="sm" onClick={onSwitch}>
              Switch restaurant
            </Button>
          )}
        </div>
      </div>

      <div className="mt-6">
        {!sorted ? (
          <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3" aria-busy="true">
            <p role="status" className="sr-only">
              Loading orders…
            </p>
            {["a", "b", "c"].map((key) => (
              <Skeleton key={key} className="h-56 rounded-2xl" />
            ))}
          </div>
        ) : sorted.length === 0 ? (
          <div className={cardStyles()}>
            <EmptyState
              icon="🧑‍🍳"
              title="No orders yet"
              description="New orders appear here automatically, newest first. Keep this screen open during service."
            />
          </div>
        ) : (
          <>
            <p className="mb-3 text-sm text-stone-600">
              {sorted.length} {sorted.length === 1 ? "order" : "orders"}, newest first
            </p>
            <ul className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
              {sorted.map((ticket) => (
                <li key={ticket.orderId} className="flex">
                  <TicketCard ticket={ticket} now={now} />
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </div>
  );
}

function FreshnessIndicator({
  updatedAt,
  failing,
  now,
}: {
  updatedAt: number;
  failing: boolean;
  now: number;
}) {
  if (updatedAt === 0) return null;
  const age = ageInSeconds(updatedAt, now);
  return (
    <p className="inline-flex items-center gap-2 rounded-full bg-white px-3 py-1.5 text-sm font-medium text-stone-700 ring-1 ring-stone-200">
      <span
        aria-hidden="true"
        className={cx(
          "size-2.5 rounded-full",
          failing ? "bg-amber-500" : "bg-emerald-500 motion-safe:animate-pulse",
        )}
      />
      {failing ? `Connection problem, retrying. Updated ${age}s ago` : `Updated ${age}s ago`}
    </p>
  );
}

function TicketCard({ ticket, now }: { ticket: KitchenTicket; now: number }) {
  const placedAt = new Date(ticket.placedAt);
  const fresh = now - placedAt.getTime() < FRESH_MS;
  const headingId = `ticket-${ticket.orderId}`;
  return (
    <article
      aria-labelledby={headingId}
      className={cardStyles(cx("flex w-full flex-col p-4", fresh && "outline-2 outline-orange-500"))}
    >
      <div className="flex items-start justify-between gap-3">
        <div>
          <h2 id={headingId} className="font-mono text-2xl font-bold tracking-widest">
            <span className="sr-only">Order </span>
            {ticket.shortCode}
          </h2>
          <p className="text-sm text-stone-600">
            <time dateTime={ticket.placedAt} title={formatDateTime(placedAt)}>
              {timeAgo(placedAt, new Date(now))}
            </time>{" "}
            · {ticket.customerName}
          </p>
        </div>
        <Badge tone="brand" size="md">
          New
        </Badge>
      </div>
      <ul className="mt-3 space-y-1.5 border-t border-stone-100 pt-3">
        {ticket.lines.map((line) => (
          <li key={line.itemId} className="flex gap-2">
            <span className="min-w-8 font-bold tabular-nums text-stone-900">{line.quantity}×</span>
            <span>{line.name}</span>
          </li>
        ))}
      </ul>
      {ticket.deliveryNotes && (
        <p className="mt-3 rounded-lg bg-amber-50 p-2.5 text-sm text-amber-900">
          <span className="font-semibold">Note: </span>
          {ticket.deliveryNotes}
        </p>
      )}
      <div className="mt-auto pt-3">
        <div className="flex items-center justify-between border-t border-stone-100 pt-3 text-sm">
          <span className="text-stone-600">
            {ticket.itemCount} {ticket.itemCount === 1 ? "item" : "items"}
          </span>
          <Price cents={ticket.totalCents} className="font-bold text-stone-900" />
        </div>
      </div>
    </article>
  );
}

function BoardSkeleton() {
  return (
    <div className="mx-auto max-w-7xl space-y-6 px-4 py-6 sm:px-6" aria-busy="true">
      <Skeleton className="h-10 w-64 rounded-md" />
      <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
        {["a", "b", "c"].map((key) => (
          <Skeleton key={key} className="h-56 rounded-2xl" />
        ))}
      </div>
    </div>
  );
}
