import { createHash } from "node:crypto";
import type { OrderPlacedV2 } from "@tiffin/contracts";
import { DomainError } from "@tiffin/kit/domain-error";
import type { ReplicatedMenu } from "./menu-replica";
import { type Order, type OrderPayment, shortCodeOf } from "./order";
import { authorizePayment, type CardDetails, PaymentDeclined, type PaymentProvider } from "./payments";
import type {
  EventSender,
  Log,
  MenuReplicaRepository,
  OrderRepository,
  Outbox,
  OutboxEntry,
  RateLimiter,
} from "./ports";
import { priceOrder, type RequestedLine } from "./pricing";
import { type Limit, type PlaceLimits, RateLimited } from "./rate-limits";
import { storeRefusal } from "./store-hours";

export interface PlaceOrderCommand {
  /** The signed-in customer, from the verified token (never from the request body). */
  customerId: string;
  idempotencyKey: string;
  restaurantId: string;
  lines: RequestedLine[];
  customer: { name: string; phone: string };
  delivery: { address: string; notes: string };
  /** The card, only passed on to the provider: the order keeps its brand and last four digits. */
  payment: CardDetails;
}

export interface PlaceOrderDeps {
  orders: OrderRepository;
  menus: MenuReplicaRepository;
  outbox: Outbox;
  sender: EventSender;
  payments: PaymentProvider;
  now: () => Date;
  newId: () => string;
  log: Log;
  limiter: RateLimiter;
  limits: PlaceLimits;
  /** Waits between looks at a checkout another request is placing at the same moment. */
  sleep?: (ms: number) => Promise<void>;
}

/** Looks at a concurrently placed checkout: 20, 40, … 640 ms, about 1.3 s in all. */
const CONTENDED_ROUNDS = 7;
const contendedPauseMs = (round: number) => 20 * 2 ** round;
/** Looks for a twin that took the last use of a limit: 20, 40, 80 ms. */
const TWIN_ROUNDS = 3;
const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Fingerprint of what was asked, so a reused idempotency key with different contents is caught. The card
 * is left out: a hash of a card number is still card data, and the provider checks its own key's reuse.
 */
export const requestHashOf = ({ idempotencyKey: _key, payment: _card, ...rest }: PlaceOrderCommand): string =>
  createHash("sha256").update(JSON.stringify(rest)).digest("hex");

/** A paused or closed store takes no orders (and a quote says why): 412 with the reason. */
export const refuseUnlessOpen = (menu: ReplicatedMenu | undefined, now: Date): void => {
  const refusal = menu && storeRefusal(menu, now);
  if (refusal) throw new DomainError("unavailable", refusal);
};

const reusedKey = () =>
  new DomainError(
    "conflict",
    "This checkout was already submitted with a different cart. Reload the page to place a new order.",
  );

/** v2: each line with its chosen options (names and deltas), so the kitchen ticket shows them. */
export const orderPlacedEvent = (order: Order): OrderPlacedV2 => ({
  type: "order.placed",
  version: 2,
  eventId: `order.placed:${order.id}`,
  occurredAt: order.placedAt,
  correlationId: order.correlationId,
  orderId: order.id,
  shortCode: order.shortCode,
  restaurantId: order.restaurantId,
  placedAt: order.placedAt,
  customer: order.customer,
  delivery: order.delivery,
  lines: order.lines.map(({ itemId, name, quantity, unitPriceCents, options }) => ({
    itemId,
    name,
    quantity,
    unitPriceCents,
    // Orders stored before options existed have none.
    options: (options ?? []).map(({ groupId, groupName, optionId, name, priceDeltaCents }) => ({
      groupId,
      groupName,
      optionId,
      name,
      priceDeltaCents,
    })),
  })),
  subtotalCents: order.subtotalCents,
  totalCents: order.totalCents,
});

/**
 * Places an order: prices it from the replica, counts it against the customer's and the restaurant's
 * limits, saves order + outbox entry atomically, then tries to send `OrderPlaced` at once. If that send
 * fails (or the process dies first) the outbox relay sends it later, so a saved order is never lost and
 * its message is never sent with different content. The same idempotency key returns the first order
 * instead of placing a second, also when both requests arrive at the same moment, and a retry that
 * returns the first order is not counted against any limit.
 */
export const placeOrder = (deps: PlaceOrderDeps) => {
  const sleep = deps.sleep ?? realSleep;

  /** The order placed earlier under this key: undefined if none, a conflict if it was another cart. */
  const earlierOrder = async (key: string, requestHash: string): Promise<Order | undefined> => {
    const earlier = await deps.orders.byIdempotencyKey(key);
    if (earlier && earlier.requestHash !== requestHash) throw reusedKey();
    return earlier?.order;
  };

  /** Takes one use of each limit, or gives back what it took and refuses. */
  const takeLimits = async (cmd: PlaceOrderCommand, restaurantName: string, at: Date) => {
    const taken: [string, Limit][] = [];
    const giveBack = () =>
      Promise.allSettled(taken.map(([key, limit]) => deps.limiter.giveBack(key, limit, at))).then(
        () => undefined,
      );
    const checks: [string, Limit, (retryAfter: number) => RateLimited][] = [
      [
        `customer:${cmd.customerId}`,
        deps.limits.perCustomer,
        (s) => RateLimited.customer(deps.limits.perCustomer, s),
      ],
      [
        `restaurant:${cmd.restaurantId}`,
        deps.limits.perRestaurant,
        (s) => RateLimited.restaurant(restaurantName, s),
      ],
    ];
    for (const [key, limit, refusal] of checks) {
      const check = await deps.limiter.take(key, limit, at);
      if (!check.ok) {
        await giveBack();
        throw refusal(check.retryAfterSeconds);
      }
      taken.push([key, limit]);
    }
    return giveBack;
  };

  return async (cmd: PlaceOrderCommand, req: { correlationId: string; log: Log }): Promise<Order> => {
    const { correlationId, log } = req;
    const requestHash = requestHashOf(cmd);
    // Keys are the client's: scope them to the customer so one account can never reach another's order.
    const idempotencyKey = `${cmd.customerId}:${cmd.idempotencyKey}`;
    const earlier = await earlierOrder(idempotencyKey, requestHash);
    if (earlier) return earlier;

    const now = deps.now();
    const menu = await deps.menus.get(cmd.restaurantId);
    refuseUnlessOpen(menu, now);
    const quote = priceOrder(menu, cmd.lines);
    let giveBack: () => Promise<void>;
    try {
      giveBack = await takeLimits(cmd, quote.restaurantName, now);
    } catch (error) {
      // A double submit whose twin took the last use gets that order, not a refusal: the twin may still
      // be authorizing its card or saving, so look a few times (20, 40, 80 ms) before refusing.
      if (!(error instanceof RateLimited)) throw error;
      for (let round = 0; round <= TWIN_ROUNDS; round++) {
        const twin = await earlierOrder(idempotencyKey, requestHash);
        if (twin) return twin;
        if (round < TWIN_ROUNDS) await sleep(contendedPauseMs(round));
      }
      throw error;
    }

    const id = deps.newId();
    const placedAt = now.toISOString();
    let placed = false;
    // A declined card keeps the use it took: otherwise the limit would not slow down card testing.
    let keepLimitUse = false;
    let saved: { order: Order; outbox: OutboxEntry } | undefined;
    try {
      let payment: OrderPayment;
      try {
        // Before saving: a declined card places no order. The same checkout key holds the card once.
        payment = await authorizePayment(deps.payments, {
          customerId: cmd.customerId,
          checkoutKey: cmd.idempotencyKey,
          amountCents: quote.totalCents,
          card: cmd.payment,
        });
      } catch (error) {
        if (error instanceof PaymentDeclined) {
          keepLimitUse = true;
          log.info("card declined; nothing placed", { restaurantId: cmd.restaurantId, code: error.code });
        }
        throw error;
      }
      const order: Order = {
        ...quote,
        id,
        customerId: cmd.customerId,
        shortCode: shortCodeOf(id),
        status: "placed",
        customer: cmd.customer,
        delivery: cmd.delivery,
        placedAt,
        correlationId,
        timeline: [{ status: "placed", at: placedAt }],
        payment,
      };
      const event = orderPlacedEvent(order);
      const outbox: OutboxEntry = { id: event.eventId, orderId: id, event, createdAt: placedAt };
      for (let round = 0; !placed; round++) {
        const result = await deps.orders.placeWithOutbox({ order, outbox, idempotencyKey, requestHash });
        if (result === "placed") {
          placed = true;
          saved = { order, outbox };
          break;
        }
        // Another request holds the key: it placed the order, or is placing it right now.
        const winner = await earlierOrder(idempotencyKey, requestHash);
        if (winner) return winner;
        if (round + 1 >= CONTENDED_ROUNDS) {
          throw new DomainError(
            "conflict",
            "This checkout is being placed by another request right now. Check your orders in a moment before trying again.",
          );
        }
        await sleep(contendedPauseMs(round));
      }
    } finally {
      if (!placed && !keepLimitUse) await giveBack();
    }
    if (!saved) throw new Error("placing ended without an order");
    const { order, outbox } = saved;
    log.info("order placed", { orderId: id, restaurantId: order.restaurantId, totalCents: order.totalCents });

    try {
      await deps.sender.send(outbox.event);
      await deps.outbox.markSent(outbox, deps.now());
    } catch (error) {
      log.warn("OrderPlaced not sent yet; the outbox relay will send it", {
        orderId: id,
        error: String(error),
      });
    }
    return order;
  };
};
