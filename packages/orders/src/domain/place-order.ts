import { createHash } from "node:crypto";
import type { OrderPlacedV1 } from "@tiffin/contracts";
import { DomainError } from "@tiffin/kit/domain-error";
import { type Order, shortCodeOf } from "./order";
import { sendEntry } from "./outbox";
import type {
  FulfillmentSender,
  Log,
  MenuReplicaRepository,
  OrderRepository,
  Outbox,
  OutboxEntry,
} from "./ports";
import { priceOrder, type RequestedLine } from "./pricing";

export interface PlaceOrderCommand {
  /** The signed-in customer, from the verified token (never from the request body). */
  customerId: string;
  idempotencyKey: string;
  restaurantId: string;
  lines: RequestedLine[];
  customer: { name: string; phone: string };
  delivery: { address: string; notes: string };
}

export interface PlaceOrderDeps {
  orders: OrderRepository;
  menus: MenuReplicaRepository;
  outbox: Outbox;
  sender: FulfillmentSender;
  now: () => Date;
  newId: () => string;
  log: Log;
}

/** Fingerprint of what was asked, so a reused idempotency key with different contents is caught. */
export const requestHashOf = ({ idempotencyKey: _key, ...rest }: PlaceOrderCommand): string =>
  createHash("sha256").update(JSON.stringify(rest)).digest("hex");

const reusedKey = () =>
  new DomainError(
    "conflict",
    "This checkout was already submitted with a different cart. Reload the page to place a new order.",
  );

export const orderPlacedEvent = (order: Order): OrderPlacedV1 => ({
  type: "order.placed",
  version: 1,
  eventId: `order.placed:${order.id}`,
  occurredAt: order.placedAt,
  correlationId: order.correlationId,
  orderId: order.id,
  shortCode: order.shortCode,
  restaurantId: order.restaurantId,
  placedAt: order.placedAt,
  customer: order.customer,
  delivery: order.delivery,
  lines: order.lines.map(({ itemId, name, quantity, unitPriceCents }) => ({
    itemId,
    name,
    quantity,
    unitPriceCents,
  })),
  subtotalCents: order.subtotalCents,
  totalCents: order.totalCents,
});

/**
 * Places an order: prices it from the replica, saves order + outbox entry atomically, then tries to send
 * `OrderPlaced` at once. If that send fails (or the process dies first) the outbox relay sends it later,
 * so a saved order is never lost and its message is never sent with different content.
 * The same idempotency key returns the first order instead of placing a second.
 */
export const placeOrder =
  (deps: PlaceOrderDeps) =>
  async (cmd: PlaceOrderCommand, req: { correlationId: string; log: Log }): Promise<Order> => {
    const { correlationId, log } = req;
    const requestHash = requestHashOf(cmd);
    // Keys are the client's: scope them to the customer so one account can never reach another's order.
    const idempotencyKey = `${cmd.customerId}:${cmd.idempotencyKey}`;
    const earlier = await deps.orders.byIdempotencyKey(idempotencyKey);
    if (earlier) {
      if (earlier.requestHash !== requestHash) throw reusedKey();
      return earlier.order;
    }

    const quote = priceOrder(await deps.menus.get(cmd.restaurantId), cmd.lines);
    const id = deps.newId();
    const placedAt = deps.now().toISOString();
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
    };
    const event = orderPlacedEvent(order);
    const outbox: OutboxEntry = { id: event.eventId, orderId: id, event, createdAt: placedAt };

    const saved = await deps.orders.placeWithOutbox({
      order,
      outbox,
      idempotencyKey,
      requestHash,
    });
    if (saved === "duplicate") {
      const winner = await deps.orders.byIdempotencyKey(idempotencyKey);
      if (!winner || winner.requestHash !== requestHash) throw reusedKey();
      return winner.order;
    }
    log.info("order placed", { orderId: id, restaurantId: order.restaurantId, totalCents: order.totalCents });

    try {
      await sendEntry(deps, outbox);
    } catch (error) {
      log.warn("OrderPlaced not sent yet; the outbox relay will send it", {
        orderId: id,
        error: String(error),
      });
    }
    return order;
  };
