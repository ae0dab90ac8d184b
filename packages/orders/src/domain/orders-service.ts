import type { RestaurantCatalogPublishedV1 } from "@tiffin/contracts";
import { DomainError } from "@tiffin/kit/domain-error";
import type { RelayDeps } from "@tiffin/outbox";
import { replicaFromCatalog } from "./menu-replica";
import type { Order } from "./order";
import { relayOutbox } from "./outbox";
import { type PlaceOrderDeps, placeOrder } from "./place-order";
import type { OutboxEntry } from "./ports";
import { priceOrder, type RequestedLine } from "./pricing";

export const ORDER_HISTORY_PAGE = 50;

export const createOrdersService = (
  deps: PlaceOrderDeps,
  relayOptions: Pick<RelayDeps<OutboxEntry>, "policy" | "pageSize" | "budgetMs"> = {},
) => ({
  async quote(input: { restaurantId: string; lines: RequestedLine[] }) {
    return priceOrder(await deps.menus.get(input.restaurantId), input.lines);
  },

  place: placeOrder(deps),

  /** Another customer's order gets the same answer as an order that does not exist. */
  async get(orderId: string, customerId: string): Promise<Order> {
    const order = await deps.orders.get(orderId);
    if (!order || order.customerId !== customerId) {
      throw new DomainError("not_found", "We couldn't find an order with that number.");
    }
    return order;
  },

  mine(customerId: string): Promise<Order[]> {
    return deps.orders.listForCustomer(customerId, ORDER_HISTORY_PAGE);
  },

  /** Keeps the menu replica current; older or repeated snapshots change nothing. */
  async applyCatalog(event: RestaurantCatalogPublishedV1) {
    return deps.menus.apply(replicaFromCatalog(event));
  },

  relayOutbox: relayOutbox(deps, relayOptions),
});

export type OrdersService = ReturnType<typeof createOrdersService>;
