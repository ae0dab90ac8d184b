import type { RestaurantCatalogPublishedV1 } from "@tiffin/contracts";
import { DomainError } from "@tiffin/kit/domain-error";
import { replicaFromCatalog } from "./menu-replica";
import type { Order } from "./order";
import { relayOutbox } from "./outbox";
import { type PlaceOrderDeps, placeOrder } from "./place-order";
import { priceOrder, type RequestedLine } from "./pricing";

export const createOrdersService = (deps: PlaceOrderDeps) => ({
  async quote(input: { restaurantId: string; lines: RequestedLine[] }) {
    return priceOrder(await deps.menus.get(input.restaurantId), input.lines);
  },

  place: placeOrder(deps),

  async get(orderId: string): Promise<Order> {
    const order = await deps.orders.get(orderId);
    if (!order) throw new DomainError("not_found", "We couldn't find an order with that number.");
    return order;
  },

  /** Keeps the menu replica current; older or repeated snapshots change nothing. */
  async applyCatalog(event: RestaurantCatalogPublishedV1) {
    return deps.menus.apply(replicaFromCatalog(event));
  },

  relayOutbox: relayOutbox(deps),
});

export type OrdersService = ReturnType<typeof createOrdersService>;
