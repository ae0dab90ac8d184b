"use client";

import type { TicketLane } from "@tiffin/restaurants";
import { Alert, Button, cardStyles, EmptyState } from "@tiffin/ui";
import { type ReactNode, useState } from "react";
import { KitchenBoardUnavailable } from "@/components/kitchen-board-unavailable";
import { LoadError } from "@/components/load-error";
import { useNow } from "@/components/use-now";
import { isServiceDown, problemOf } from "@/trpc/problem";
import { TicketSkeletons } from "./board-skeleton";
import { FreshnessIndicator } from "./freshness-indicator";
import { laneEmpty, laneLabels } from "./kitchen-format";
import { OpeningHoursEditor } from "./opening-hours-editor";
import { SalesPanel } from "./sales-panel";
import { StoreControls, StoreStatusLine } from "./store-controls";
import { Tabs } from "./tabs";
import { TicketCard } from "./ticket-card";
import { countLabel } from "./ticket-list";
import type { MyRestaurant } from "./types";
import { useStoreSettings } from "./use-store-settings";
import { type TicketLaneState, useTicketBoard } from "./use-ticket-board";

type View = "orders" | "store" | "sales";
const views = [
  { id: "orders", label: "Orders" },
  { id: "store", label: "Store & hours" },
  { id: "sales", label: "Sales" },
] as const;

/**
 * One restaurant's kitchen: its orders by section (new, preparing, ready, done today), each newest first a
 * page at a time, with the answers staff give them; the store's status and opening hours; its sales.
 */
export function TicketBoard({
  restaurant,
  notice,
  onSwitch,
}: {
  restaurant: MyRestaurant;
  notice: ReactNode;
  /** Only for staff of several restaurants. */
  onSwitch: (() => void) | undefined;
}) {
  const lanes = useTicketBoard(restaurant);
  const store = useStoreSettings(restaurant.id);
  const now = useNow(1_000);
  const [view, setView] = useState<View>("orders");
  const [lane, setLane] = useState<TicketLane>("new");
  const board = lanes.new;

  if (board.failed) {
    const problem = problemOf(board.error);
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
        ) : isServiceDown(board.error) ? (
          <KitchenBoardUnavailable onRetry={board.retry} retrying={board.retrying} />
        ) : (
          <LoadError
            title="We couldn't load your orders"
            message={problem.message}
            onRetry={board.retry}
            retrying={board.retrying}
          />
        )}
      </div>
    );
  }

  const settings = store.settings.data;
  const count = (l: TicketLaneState) =>
    l.tickets === undefined ? "" : ` (${l.tickets.length}${l.more ? "+" : ""})`;

  return (
    <div className="mx-auto max-w-7xl space-y-4 px-4 py-6 sm:px-6">
      {notice}
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <p className="text-sm font-semibold uppercase tracking-wider text-stone-600">Incoming orders</p>
          <h1 className="text-2xl font-extrabold tracking-tight sm:text-3xl">{restaurant.name}</h1>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <FreshnessIndicator updatedAt={board.updatedAt} failing={board.pollFailing} now={now} />
          {onSwitch && (
            <Button variant="secondary" size="sm" onClick={onSwitch}>
              Switch restaurant
            </Button>
          )}
        </div>
      </div>
      {settings && (
        <StoreStatusLine
          settings={settings}
          onChange={view === "store" ? undefined : () => setView("store")}
        />
      )}

      <Tabs label="Kitchen" tabs={views} selected={view} onSelect={setView} size="lg">
        {view === "orders" && (
          <Tabs
            label="Orders by status"
            tabs={(["new", "preparing", "ready", "done"] as const).map((id) => ({
              id,
              label: `${laneLabels[id]}${count(lanes[id])}`,
            }))}
            selected={lane}
            onSelect={setLane}
          >
            <Lane
              state={lanes[lane]}
              now={now}
              busyExtraMinutes={
                settings?.availability.status === "busy" ? settings.store.busyExtraMinutes : 0
              }
            />
          </Tabs>
        )}
        {view === "store" &&
          (settings ? (
            <div className="grid gap-4 lg:grid-cols-2">
              <StoreControls store={store} />
              <OpeningHoursEditor key={settings.revision} store={store} initial={settings} />
            </div>
          ) : store.settings.isError ? (
            <LoadError
              title="We couldn't load your store settings"
              message={problemOf(store.settings.error).message}
              onRetry={() => store.settings.refetch()}
              retrying={store.settings.isFetching}
            />
          ) : (
            <TicketSkeletons />
          ))}
        {view === "sales" && <SalesPanel restaurantId={restaurant.id} />}
      </Tabs>
    </div>
  );
}

function Lane({
  state,
  now,
  busyExtraMinutes,
}: {
  state: TicketLaneState;
  now: number;
  busyExtraMinutes: number;
}) {
  if (state.failed) {
    return (
      <LoadError
        title="We couldn't load these orders"
        message={problemOf(state.error).message}
        onRetry={state.retry}
        retrying={state.retrying}
      />
    );
  }
  if (!state.tickets) {
    return (
      <div aria-busy="true">
        <p role="status" className="sr-only">
          Loading orders…
        </p>
        <TicketSkeletons />
      </div>
    );
  }
  if (state.tickets.length === 0) {
    const empty = laneEmpty[state.lane];
    return (
      <div className={cardStyles()}>
        <EmptyState title={empty.title} description={empty.description} />
      </div>
    );
  }
  return (
    <>
      <p className="mb-3 text-sm text-stone-600">{countLabel(state.tickets.length, state.more)}</p>
      <ul className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
        {state.tickets.map((ticket) => (
          <li key={ticket.orderId} className="flex">
            <TicketCard ticket={ticket} now={now} busyExtraMinutes={busyExtraMinutes} />
          </li>
        ))}
      </ul>
      <OlderTickets state={state} />
    </>
  );
}

function OlderTickets({ state }: { state: TicketLaneState }) {
  if (!state.more) return null;
  return (
    <div className="mt-6 flex flex-col items-center gap-3">
      {state.olderFailed && (
        <Alert tone="warning" live="status" title="We couldn't load older tickets">
          Check your connection and try again.
        </Alert>
      )}
      <Button variant="secondary" onClick={state.showOlder} loading={state.loadingOlder}>
        Show older tickets
      </Button>
    </div>
  );
}
