import type { OrderCancelRequestedV1 } from "@tiffin/contracts";
import { DomainError } from "@tiffin/kit/domain-error";
import type { Order } from "./order";
import {
  cancelRefusal,
  cancelRequestTransition,
  decide,
  type TicketEvent,
  type Transition,
  ticketTransition,
} from "./order-lifecycle";
import { capturePayment, type PaymentProvider, refundPayment, voidPayment } from "./payments";
import type { EventSender, Log, OrderRepository, Outbox, OutboxEntry } from "./ports";

export interface TransitionDeps {
  orders: OrderRepository;
  outbox: Outbox;
  sender: EventSender;
  payments: PaymentProvider;
  now: () => Date;
  log: Log;
}

/**
 * An event that needs a state the order has not reached yet (ready before accepted): thrown so the queue
 * brings the message back later, when the earlier event has been applied. Marked retryable, so the kit's
 * consumer counts it as a known transient failure (a warning and a backoff, not an alarm).
 */
export class NotYetApplicable extends Error {
  readonly $retryable = { throttling: false };
  constructor(message: string) {
    super(message);
    this.name = "NotYetApplicable";
  }
}

/** Read-decide-write rounds against other writers of the same order before the caller retries. */
const ROUNDS = 5;

const notFound = () => new DomainError("not_found", "We couldn't find an order with that number.");

export const createOrderTransitions = (deps: TransitionDeps) => {
  /** The order after `transition`, with the payment step it calls for done at the provider (idempotent). */
  const withPayment = async (order: Order, transition: Transition): Promise<Order> => {
    if (!transition.payment || !order.payment) return order;
    const payment =
      transition.payment === "capture"
        ? await capturePayment(deps.payments, order.id, order.payment, order.totalCents)
        : await voidPayment(deps.payments, order.id, order.payment);
    return { ...order, payment };
  };

  /**
   * Applies a kitchen event to its order, once: a conditional write on the status (and revision) it was
   * decided from. A duplicate or an event the order has moved past changes nothing; an event that
   * overtook an earlier one throws NotYetApplicable (retried later). The provider call (capture on ready,
   * void on rejected / withdrawn) comes first, under a key per order, so a retry never moves money twice.
   */
  const applyTicketEvent = async (event: TicketEvent, log: Log): Promise<"applied" | "ignored"> => {
    const transition = ticketTransition(event);
    for (let round = 0; round < ROUNDS; round++) {
      const current = await deps.orders.getForUpdate(event.orderId);
      if (!current || current.order.restaurantId !== event.restaurantId) {
        // Orders saves an order before the kitchen can hear of it: an unknown one is a broken message.
        throw new DomainError("invalid", `No order ${event.orderId} for restaurant ${event.restaurantId}.`);
      }
      const { order, revision } = current;
      const verdict = decide(order.status, transition.to);
      if (verdict === "ignore") {
        log.info("ticket event changes nothing", {
          orderId: order.id,
          type: event.type,
          status: order.status,
        });
        return "ignored";
      }
      if (verdict === "not_yet") {
        throw new NotYetApplicable(
          `${event.type} needs order ${order.id} to be ${transition.to === "ready" ? "accepted" : "further along"}, it is ${order.status}`,
        );
      }
      const next = await withPayment(transition.next(order), transition);
      const saved = await deps.orders.saveTransition({
        order: next,
        expected: { status: order.status, revision },
      });
      if (saved === "saved") {
        log.info("order moved", { orderId: order.id, from: order.status, to: next.status, type: event.type });
        return "applied";
      }
    }
    throw new Error(`order ${event.orderId} kept changing while ${event.type} was applied`);
  };

  const cancelRequestedEvent = (order: Order, requestedAt: string): OrderCancelRequestedV1 => ({
    type: "order.cancel-requested",
    version: 1,
    eventId: `order.cancel-requested:${order.id}`,
    occurredAt: requestedAt,
    // The order's own correlation id: its whole path, cancel included, is one id in every log.
    correlationId: order.correlationId,
    orderId: order.id,
    restaurantId: order.restaurantId,
    requestedAt,
  });

  /**
   * The customer asks to cancel: only while `placed` (409 with the reason otherwise). The order becomes
   * `cancel_requested` and `order.cancel-requested` is saved in its outbox in the same transaction, then
   * sent; the kitchen decides the race (ticket withdrawn -> cancelled, already accepted -> too late).
   * Asking again while the request is under way (or after it succeeded) returns the order unchanged.
   */
  const cancel = async (orderId: string, customerId: string, req: { log: Log }): Promise<Order> => {
    for (let round = 0; round < ROUNDS; round++) {
      const current = await deps.orders.getForUpdate(orderId);
      if (!current || current.order.customerId !== customerId) throw notFound();
      const { order, revision } = current;
      const refusal = cancelRefusal(order);
      if (refusal) throw new DomainError("conflict", refusal);
      if (order.status !== "placed") return order;

      const requestedAt = deps.now().toISOString();
      const next = cancelRequestTransition(requestedAt).next(order);
      const event = cancelRequestedEvent(order, requestedAt);
      const outbox: OutboxEntry = { id: event.eventId, orderId, event, createdAt: requestedAt };
      const saved = await deps.orders.saveTransition({
        order: next,
        expected: { status: order.status, revision },
        outbox,
      });
      if (saved === "conflict") continue;
      req.log.info("cancel requested", { orderId, restaurantId: order.restaurantId });
      try {
        await deps.sender.send(event);
        await deps.outbox.markSent(outbox, deps.now());
      } catch (error) {
        req.log.warn("OrderCancelRequested not sent yet; the outbox relay will send it", {
          orderId,
          error: String(error),
        });
      }
      return next;
    }
    throw new DomainError("conflict", "Your order is changing right now. Look at it again in a moment.");
  };

  /**
   * Refunds part or all of a captured order (support's operation; no customer procedure). `refundKey`
   * names the refund: asking again with it returns the order as it is, never a second refund.
   */
  const refund = async (orderId: string, amountCents: number, refundKey: string): Promise<Order> => {
    for (let round = 0; round < ROUNDS; round++) {
      const current = await deps.orders.getForUpdate(orderId);
      if (!current) throw notFound();
      const { order, revision } = current;
      if (!order.payment) throw new DomainError("conflict", "This order has no payment to refund.");
      const payment = await refundPayment(deps.payments, orderId, order.payment, amountCents, refundKey);
      if (payment === order.payment) return order;
      const next = { ...order, payment };
      const saved = await deps.orders.saveTransition({
        order: next,
        expected: { status: order.status, revision },
      });
      if (saved === "saved") return next;
    }
    throw new Error(`order ${orderId} kept changing while it was refunded`);
  };

  return { applyTicketEvent, cancel, refund };
};
