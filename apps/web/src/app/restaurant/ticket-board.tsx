"use client";

import { Alert, Button, cardStyles, EmptyState } from "@tiffin/ui";
import type { ReactNode } from "react";
import { KitchenBoardUnavailable } from "@/components/kitchen-board-unavailable";
import { LoadError } from "@/components/load-error";
import { useNow } from "@/components/use-now";
import { isServiceDown, problemOf } from "@/trpc/problem";
import { TicketSkeletons } from "./board-skeleton";
import { FreshnessIndicator } from "./freshness-indicator";
import { TicketCard } from "./ticket-card";
import { countLabel } from "./ticket-list";
import type { MyRestaurant } from "./types";
import { useTicketBoard } from "./use-ticket-board";

/** One restaurant's incoming orders, newest first, a page at a time. */
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
  const board = useTicketBoard(restaurant);
  const now = useNow(1_000);

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

  return (
    <div className="mx-auto max-w-7xl px-4 py-6 sm:px-6">
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

      <div className="mt-6">
        {!board.tickets ? (
          <div aria-busy="true">
            <p role="status" className="sr-only">
              Loading orders…
            </p>
            <TicketSkeletons />
          </div>
        ) : board.tickets.length === 0 ? (
          <div className={cardStyles()}>
            <EmptyState
              icon="🧑‍🍳"
              title="No orders yet"
              description="New orders appear here automatically, newest first. Keep this screen open during service."
            />
          </div>
        ) : (
          <>
            <p className="mb-3 text-sm text-stone-600">{countLabel(board.tickets.length, board.more)}</p>
            <ul className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
              {board.tickets.map((ticket) => (
                <li key={ticket.orderId} className="flex">
                  <TicketCard ticket={ticket} now={now} />
                </li>
              ))}
            </ul>
            <OlderTickets board={board} />
          </>
        )}
      </div>
    </div>
  );
}

function OlderTickets({ board }: { board: ReturnType<typeof useTicketBoard> }) {
  if (!board.more) return null;
  return (
    <div className="mt-6 flex flex-col items-center gap-3">
      {board.olderFailed && (
        <Alert tone="warning" live="status" title="We couldn't load older tickets">
          Check your connection and try again.
        </Alert>
      )}
      <Button variant="secondary" onClick={board.showOlder} loading={board.loadingOlder}>
        Show older tickets
      </Button>
    </div>
  );
}
