import { DomainError } from "@tiffin/kit/domain-error";
import type { RelayDeps } from "@tiffin/outbox";
import { type RestaurantCatalogPublished, replicaFromCatalog } from "./menu-replica";
import type { Order } from "./order";
import type { TicketEvent } from "./order-lifecycle";
import { createOrderTransitions } from "./order-transitions";
import { relayOutbox } from "./outbox";
import { type PlaceOrderDeps, placeOrder, refuseUnlessOpen } from "./place-order";
import type { Log, OutboxEntry } from "./ports";
import { priceOrder, type RequestedLine } from "./pricing";
import { type ReorderResult, reorderFrom } from "./reorder";

export const ORDER_HISTORY_PAGE = 50;

export const createOrdersService = (
  deps: PlaceOrderDeps,
  relayOptions: Pick<RelayDeps<OutboxEntry>, "policy" | "pageSize" | "budgetMs"> = {},
) => {
  const transitions = createOrderTransitions(deps);

  /** Another customer's order gets the same answer as an order that does not exist. */
  const ownOrder = async (orderId: string, customerId: string): Promise<Order> => {
    const order = await deps.orders.get(orderId);
    if (!order || order.customerId !== customerId) {
      throw new DomainError("not_found", "We couldn't find an order with that number.");
    }
    return order;
  };

  return {
    /** Also says why a paused or closed store can't take the order. */
    async quote(input: { restaurantId: string; lines: RequestedLine[] }) {
      const menu = await deps.menus.get(input.restaurantId);
      refuseUnlessOpen(menu, deps.now());
      return priceOrder(menu, input.lines);
    },

    place: placeOrder(deps),

    get: ownOrder,

    /** The customer's cancel, while the order is still `placed` (the kitchen then decides the race). */
    cancel(orderId: string, customerId: string, req: { log: Log }): Promise<Order> {
      return transitions.cancel(orderId, customerId, req);
    },

    /** One of the customer's orders, priced again against today's menu, with what changed. */
    async reorder(orderId: string, customerId: string): Promise<ReorderResult> {
      const order = await ownOrder(orderId, customerId);
      return reorderFrom(order, await deps.menus.get(order.restaurantId), deps.now());
    },

    /** The kitchen's answer (ticket.accepted / rejected / ready / withdrawn) moves the order, once. */
    applyTicketEvent(event: TicketEvent, log: Log) {
      return transitions.applyTicketEvent(event, log);
    },

    /** Support's refund of a captured order (not exposed to customers); `refundKey` makes it happen once. */
    refund(orderId: string, amountCents: number, refundKey: string): Promise<Order> {
      return transitions.refund(orderId, amountCents, refundKey);
    },

    mine(customerId: string): Promise<Order[]> {
      return deps.orders.listForCustomer(customerId, ORDER_HISTORY_PAGE);
    },

    /** Keeps the menu replica current (catalog v1 or v2); older or repeated snapshots change nothing. */
    async applyCatalog(event: RestaurantCatalogPublished) {
      return deps.menus.apply(replicaFromCatalog(event));
    },

    relayOutbox: relayOutbox(deps, relayOptions),
  };
};

export type OrdersService = ReturnType<typeof createOrdersService>;
