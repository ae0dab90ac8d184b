import type { OrderCancelRequestedV1, OrderPlacedAnyVersion } from "@tiffin/contracts";
import { DomainError } from "@tiffin/kit/domain-error";
import {
  acceptTicket,
  type KitchenTicket,
  localDate,
  lostRace,
  markTicketReady,
  type Pickup,
  rejectTicket,
  type StaffRejectionReason,
  shortCodeOfOrderId,
  type TicketLane,
  type TicketStatus,
  ticketAcceptedEvent,
  ticketFromOrder,
  ticketReadyEvent,
  ticketRejectedEvent,
  ticketWithdrawnEvent,
  withdrawTicket,
} from "./kitchen-ticket";
import type { Log, RestaurantRepository, TicketEvent, TicketOutboxEntry, TicketRepository } from "./ports";
import { availabilityOf, type Restaurant } from "./restaurant";
import {
  acceptedDelta,
  lastSevenDays,
  rejectedDelta,
  type SalesDelta,
  type SalesReport,
  salesReport,
  withdrawnDelta,
} from "./sales";
import { positionOfCursor, TICKETS_PAGE, type TicketPage, ticketCursor } from "./ticket-page";

/*
 * The kitchen: tickets from placed orders, the staff's answers (accept with a prep time, reject with a
 * reason, mark ready), the timer that rejects what nobody answered, the customer's cancel requests, and the
 * day's sales. restaurants is the arbiter of the cancel/accept race: every step is a conditional write on
 * the status it starts from, so of two racing steps exactly one wins and the other is told why (409).
 */

/** Minutes a new ticket waits for an answer before it is rejected automatically (TICKET_ANSWER_MINUTES). */
export const DEFAULT_ANSWER_MINUTES = 10;
const ANSWER_MINUTES_RANGE = { min: 0.1, max: 24 * 60 };

/**
 * TICKET_ANSWER_MINUTES as configured: minutes, fractions allowed (tests use a short window, e.g. 0.25);
 * unset or empty means the default. Anything else stops the service at start with this message rather
 * than running with a window nobody chose.
 */
export const answerMinutesFrom = (raw: string | undefined): number => {
  if (raw === undefined || raw.trim() === "") return DEFAULT_ANSWER_MINUTES;
  const minutes = Number(raw);
  if (!Number.isFinite(minutes) || minutes < ANSWER_MINUTES_RANGE.min || minutes > ANSWER_MINUTES_RANGE.max) {
    throw new Error(
      `TICKET_ANSWER_MINUTES must be a number of minutes from ${ANSWER_MINUTES_RANGE.min} to ${ANSWER_MINUTES_RANGE.max} (got "${raw}").`,
    );
  }
  return minutes;
};

/** A page of the timer's work: due tickets read at once, and how long one run may keep going. */
const TIMEOUT_PAGE = 25;
const TIMEOUT_BUDGET_MS = 15_000;

export interface KitchenDeps {
  restaurants: RestaurantRepository;
  tickets: TicketRepository;
  now: () => Date;
  log: Log;
  answerMinutes: number;
  /** Publishes a saved ticket event at once (else the outbox relay does). */
  publishNow: (entry: TicketOutboxEntry) => Promise<void>;
}

/** Where a staff member works, from their verified token. */
interface Staff {
  restaurants: readonly { id: string; role: "owner" | "staff" }[];
}

const notFound = () =>
  new DomainError("not_found", "We couldn't find that restaurant. It may have moved or closed.");
const noTicket = () =>
  new DomainError(
    "not_found",
    "We couldn't find that order on this restaurant's board. Reload the board to see the current orders.",
  );

const announcementOf = (event: TicketEvent, restaurantId: string): TicketOutboxEntry => ({
  id: event.eventId,
  restaurantId,
  event,
  createdAt: event.occurredAt,
});

export const createKitchen = (deps: KitchenDeps) => {
  const restaurantOf = async (restaurantId: string): Promise<Restaurant> => {
    const found = await deps.restaurants.byId(restaurantId);
    if (!found) throw notFound();
    return found;
  };

  /** The restaurant, if the staff member works there; another's gets the 404 of a missing one. */
  const ownRestaurant = async (staff: Staff, restaurantId: string): Promise<Restaurant> => {
    if (!staff.restaurants.some((r) => r.id === restaurantId)) throw notFound();
    return restaurantOf(restaurantId);
  };

  const ticketOf = async (restaurantId: string, orderId: string): Promise<KitchenTicket | undefined> => {
    const stored = await deps.tickets.find(restaurantId, orderId);
    return stored?.kind === "ticket" ? stored.ticket : undefined;
  };

  /**
   * One step on a ticket: `step` computes the next ticket (or refuses), then the write lands only if the
   * status is still the one it was computed from. A lost race is answered from the ticket as it is now.
   */
  const apply = async (
    current: KitchenTicket,
    step: (t: KitchenTicket) => KitchenTicket,
    effects: (next: KitchenTicket) => { event: TicketEvent; sales?: SalesDelta },
  ): Promise<KitchenTicket> => {
    const next = step(current);
    const { event, sales } = effects(next);
    const announcement = announcementOf(event, next.restaurantId);
    const from: TicketStatus = current.status;
    if (!(await deps.tickets.transition(next, from, { announcement, sales }))) {
      throw lostRace(await ticketOf(current.restaurantId, current.orderId));
    }
    await deps.publishNow(announcement);
    return next;
  };

  const staffTicket = async (staff: Staff, restaurantId: string, orderId: string) => {
    const restaurant = await ownRestaurant(staff, restaurantId);
    const ticket = await ticketOf(restaurantId, orderId);
    if (!ticket) throw noTicket();
    return { restaurant, ticket };
  };

  const pickupOf = (r: Restaurant): Pickup => ({ name: r.name, address: r.address, location: r.location });

  return {
    /**
     * One page of a restaurant's kitchen tickets, newest first: one lane of the board ("done" means done
     * today, in the restaurant's time zone) or, without a lane, every ticket. Another restaurant's tickets
     * get the answer of a restaurant that does not exist (checked before the cursor, so a bad one reveals
     * nothing).
     */
    async tickets(
      restaurantId: string,
      staff: Staff,
      page: { limit?: number; cursor?: string | null; lane?: TicketLane } = {},
    ): Promise<TicketPage> {
      if (!staff.restaurants.some((r) => r.id === restaurantId)) throw notFound();
      const after = page.cursor ? positionOfCursor(page.cursor) : undefined;
      const restaurant = await restaurantOf(restaurantId);
      const limit = page.limit ?? TICKETS_PAGE;
      const found = await deps.tickets.listForRestaurant(
        restaurantId,
        page.lane === "done"
          ? { limit, after, lane: "done", day: localDate(restaurant.timeZone, deps.now()) }
          : page.lane
            ? { limit, after, lane: page.lane }
            : { limit, after },
      );
      return { tickets: found.tickets, nextCursor: found.next ? ticketCursor(found.next) : null };
    },

    /**
     * Fulfillment: a placed order becomes a kitchen ticket, once; an order withdrawn before it arrived
     * (tombstone) creates nothing. An order for a restaurant this service does not know is an error (it
     * will be retried, then dead-lettered for an operator).
     */
    async receiveOrder(event: OrderPlacedAnyVersion): Promise<"created" | "duplicate"> {
      const restaurant = await restaurantOf(event.restaurantId);
      const ticket = ticketFromOrder(event, deps.now(), {
        timeZone: restaurant.timeZone,
        answerMinutes: deps.answerMinutes,
      });
      return deps.tickets.createOnce(ticket);
    },

    /** Staff accept a new order with a prep time; a busy kitchen's extra minutes are added to it. */
    async acceptTicket(
      staff: Staff,
      input: { restaurantId: string; orderId: string; prepMinutes: number },
    ): Promise<KitchenTicket> {
      const { restaurant, ticket } = await staffTicket(staff, input.restaurantId, input.orderId);
      const now = deps.now();
      const busy = availabilityOf(restaurant, now).busyExtraMinutes;
      return apply(
        ticket,
        (t) => acceptTicket(t, { now, prepMinutes: input.prepMinutes, busyExtraMinutes: busy }),
        (next) => ({ event: ticketAcceptedEvent(next, pickupOf(restaurant)), sales: acceptedDelta(next) }),
      );
    },

    /** Staff reject a new order with a reason (a note for `other`; the router checks both). */
    async rejectTicket(
      staff: Staff,
      input: { restaurantId: string; orderId: string; reason: StaffRejectionReason; note?: string },
    ): Promise<KitchenTicket> {
      const { ticket } = await staffTicket(staff, input.restaurantId, input.orderId);
      const now = deps.now();
      const rejection = { reason: input.reason, note: input.note ?? "", automatic: false };
      return apply(
        ticket,
        (t) => rejectTicket(t, { now, rejection }),
        (next) => ({ event: ticketRejectedEvent(next), sales: rejectedDelta(next, false) }),
      );
    },

    async markTicketReady(
      staff: Staff,
      input: { restaurantId: string; orderId: string },
    ): Promise<KitchenTicket> {
      const { ticket } = await staffTicket(staff, input.restaurantId, input.orderId);
      const now = deps.now();
      return apply(
        ticket,
        (t) => markTicketReady(t, { now }),
        (next) => ({ event: ticketReadyEvent(next) }),
      );
    },

    /**
     * Scheduled (`ticket-timeouts`): rejects every new ticket whose answer time has passed, reason
     * not_answered, automatic. Reads only due tickets (a sparse index by answer time), a page at a time,
     * within a time budget; a ticket accepted meanwhile wins its race and is left alone.
     */
    async rejectOverdueTickets(): Promise<{ rejected: number; alreadyAnswered: number }> {
      const startedAt = deps.now().getTime();
      let rejected = 0;
      let alreadyAnswered = 0;
      let after: unknown;
      const seen = new Set<string>();
      do {
        const page = await deps.tickets.due(deps.now(), { limit: TIMEOUT_PAGE, after });
        for (const due of page.due) {
          const key = `${due.restaurantId}/${due.orderId}`;
          if (seen.has(key)) continue;
          seen.add(key);
          const ticket = await ticketOf(due.restaurantId, due.orderId);
          if (ticket?.status !== "new") {
            alreadyAnswered++;
            continue;
          }
          const rejection = { reason: "not_answered" as const, note: "", automatic: true };
          try {
            await apply(
              ticket,
              (t) => rejectTicket(t, { now: deps.now(), rejection }),
              (next) => ({ event: ticketRejectedEvent(next), sales: rejectedDelta(next, true) }),
            );
            rejected++;
            deps.log.info("ticket rejected automatically: not answered in time", {
              restaurantId: ticket.restaurantId,
              orderId: ticket.orderId,
              correlationId: ticket.correlationId,
              answerBy: ticket.answerBy,
            });
          } catch (error) {
            if (!(error instanceof DomainError && error.kind === "conflict")) throw error;
            alreadyAnswered++;
          }
        }
        after = page.next;
      } while (after !== undefined && deps.now().getTime() - startedAt < TIMEOUT_BUDGET_MS);
      return { rejected, alreadyAnswered };
    },

    /**
     * The customer asked to cancel (order.cancel-requested). A new ticket is withdrawn; one already
     * accepted, ready, done or rejected stays as it is (orders learns the outcome from the events it already
     * got); no ticket yet (the fulfillment queue is behind) leaves a withdrawn tombstone so the late
     * order.placed creates nothing. Each outcome is idempotent: a redelivered request changes nothing more.
     */
    async requestCancel(
      event: OrderCancelRequestedV1,
    ): Promise<"withdrawn" | "tombstoned" | "already_withdrawn" | "too_late" | "already_closed"> {
      await restaurantOf(event.restaurantId);
      // Two tries: the ticket may arrive, or staff may answer, between the read and the write.
      for (let attempt = 0; attempt < 2; attempt++) {
        const stored = await deps.tickets.find(event.restaurantId, event.orderId);
        const now = deps.now();
        if (!stored) {
          const withdrawnAt = now.toISOString();
          const announcement = announcementOf(
            ticketWithdrawnEvent({
              orderId: event.orderId,
              restaurantId: event.restaurantId,
              shortCode: shortCodeOfOrderId(event.orderId),
              correlationId: event.correlationId,
              withdrawnAt,
            }),
            event.restaurantId,
          );
          const ref = { restaurantId: event.restaurantId, orderId: event.orderId, withdrawnAt };
          if (await deps.tickets.tombstone(ref, announcement)) {
            await deps.publishNow(announcement);
            return "tombstoned";
          }
          continue;
        }
        if (stored.kind === "tombstone") return "already_withdrawn";
        const ticket = stored.ticket;
        if (ticket.status === "withdrawn") return "already_withdrawn";
        if (ticket.status === "rejected") return "already_closed";
        if (ticket.status !== "new") return "too_late";
        try {
          await apply(
            ticket,
            (t) => withdrawTicket(t, { now }),
            (next) => ({
              event: ticketWithdrawnEvent({ ...next, withdrawnAt: next.withdrawnAt ?? now.toISOString() }),
              sales: withdrawnDelta(next),
            }),
          );
          return "withdrawn";
        } catch (error) {
          if (!(error instanceof DomainError && error.kind === "conflict")) throw error;
        }
      }
      // Still changing under us: throwing makes the queue deliver the request again after a backoff.
      throw new Error(`ticket ${event.orderId} kept changing while the cancel request was applied; retrying`);
    },

    /** Today and the last seven days (today included), in the restaurant's time zone. */
    async sales(staff: Staff, restaurantId: string): Promise<SalesReport> {
      const restaurant = await ownRestaurant(staff, restaurantId);
      const today = localDate(restaurant.timeZone, deps.now());
      const days = lastSevenDays(today);
      const stored = await deps.tickets.salesDays(restaurantId, days[0] ?? today, today);
      return salesReport(restaurant.timeZone, today, stored);
    },
  };
};

export type Kitchen = ReturnType<typeof createKitchen>;
