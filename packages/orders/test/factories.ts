import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  type ContractName,
  OrderPlacedV1,
  RestaurantCatalogPublishedV1,
  RestaurantCatalogPublishedV2,
  TicketAcceptedV1,
  TicketReadyV1,
  TicketRejectedV1,
  TicketWithdrawnV1,
} from "@tiffin/contracts";
import { TEST_CARD_DIGITS } from "@tiffin/contracts/payment-card";
import { extrasOf, spiceLevel } from "@tiffin/contracts/testing/option-groups";
import {
  type ReplicatedItem,
  type ReplicatedMenu,
  type ReplicatedOption,
  replicaFromCatalog,
} from "../src/domain/menu-replica";
import type { Order } from "../src/domain/order";
import { createOrdersService } from "../src/domain/orders-service";
import { orderPlacedEvent, type PlaceOrderCommand } from "../src/domain/place-order";
import type { OutboxEntry } from "../src/domain/ports";
import { DEFAULT_PLACE_LIMITS, type PlaceLimits } from "../src/domain/rate-limits";
import {
  InMemoryMenuReplica,
  InMemoryOrdersTable,
  InMemoryRateLimiter,
  RecordingFulfillmentSender,
  RecordingLog,
  RecordingPaymentProvider,
} from "./fakes";

/** A contract fixture exactly as a producer would put it on the wire. */
export const contractFixtureBody = (name: ContractName): string =>
  readFileSync(join(import.meta.dirname, "../../contracts/fixtures", `${name}.json`), "utf8");

/** What the catalog fixture (`restaurant.catalog-published.v1.json`) contains, named for the tests. */
export const fixtureMenu = {
  restaurantId: "bombay-tiffin-house",
  restaurantName: "Bombay Tiffin House",
  revision: 3,
  deliveryFeeCents: 299,
  minimumOrderCents: 1000,
  butterChicken: { id: "butter-chicken", name: "Butter Chicken", priceCents: 1695 },
  garlicNaan: { id: "garlic-naan", name: "Garlic Naan", priceCents: 395 },
  /** Sold out in the fixture. */
  mangoKulfi: { id: "mango-kulfi", name: "Mango Kulfi", priceCents: 595 },
} as const;

type Catalog = RestaurantCatalogPublishedV1 | RestaurantCatalogPublishedV2;
type CatalogOverrides<T extends Catalog> = Partial<Omit<T, "restaurant">> & {
  restaurant?: Partial<T["restaurant"]>;
};

/** A contract fixture, parsed by its schema. */
const fixtureOf = <T>(name: ContractName, schema: { parse(v: unknown): T }) =>
  schema.parse(JSON.parse(contractFixtureBody(name)));

/** A catalog fixture with changes; its event id follows the restaurant and revision, as the producer's does. */
const catalogWith = <T extends Catalog>(base: T, overrides: CatalogOverrides<T>): T => {
  const revision = overrides.revision ?? base.revision;
  const restaurant = { ...base.restaurant, ...overrides.restaurant };
  return {
    ...base,
    ...overrides,
    eventId: overrides.eventId ?? `restaurant.catalog-published:${restaurant.id}:${revision}`,
    revision,
    restaurant,
  };
};

/** The catalog v1 contract fixture, parsed by its schema, with optional changes. */
export const catalogPublished = (
  overrides: CatalogOverrides<RestaurantCatalogPublishedV1> = {},
): RestaurantCatalogPublishedV1 =>
  catalogWith(fixtureOf("restaurant.catalog-published.v1", RestaurantCatalogPublishedV1), overrides);

export const replicatedMenu = (overrides: Partial<ReplicatedMenu> = {}): ReplicatedMenu => ({
  ...replicaFromCatalog(catalogPublished()),
  ...overrides,
});

/** Lamb Rogan Josh with a required pick-one spice level (free) and up to two of `extras`. */
export const curryWithOptions = (...extras: ReplicatedOption[]): ReplicatedItem => ({
  id: "lamb-rogan-josh",
  name: "Lamb Rogan Josh",
  priceCents: 1895,
  available: true,
  optionGroups: [spiceLevel(), extrasOf(...extras)],
});

/** A replica with `count` cheap, orderable dishes (`dish-1` … `dish-<count>`), for cart-size limits. */
export const menuWithDishes = (count: number, overrides: Partial<ReplicatedMenu> = {}): ReplicatedMenu =>
  replicatedMenu({
    items: Array.from({ length: count }, (_, i) => ({
      id: `dish-${i + 1}`,
      name: `Dish ${i + 1}`,
      priceCents: 500,
      available: true,
      optionGroups: [],
    })),
    ...overrides,
  });

/** The OrderPlaced contract fixture, parsed by its schema, for another order id if given. */
export const orderPlaced = (overrides: Partial<OrderPlacedV1> = {}): OrderPlacedV1 => {
  const base = OrderPlacedV1.parse(JSON.parse(contractFixtureBody("order.placed.v1")));
  const orderId = overrides.orderId ?? base.orderId;
  return { ...base, eventId: `order.placed:${orderId}`, ...overrides, orderId };
};

/** An unsent outbox entry for order `orderId`, saved at `createdAt`. */
export const outboxEntry = (orderId: string, createdAt = "2026-11-27T18:30:00.000Z"): OutboxEntry => {
  const event = orderPlaced({
    orderId,
    placedAt: createdAt,
    occurredAt: createdAt,
    correlationId: `corr-${orderId}`,
  });
  return { id: event.eventId, orderId, event, createdAt };
};

/** Deterministic v4 UUIDs, so ids in failures are readable and tests can predict them. */
export const uuidSequence = (prefix = 0) => {
  let n = 0;
  return () =>
    `${prefix.toString(16).padStart(8, "0")}-0000-4000-8000-${(++n).toString(16).padStart(12, "0")}`;
};

export const aUuid = uuidSequence(0xabcdef);

/** A card that the simulated provider authorizes (4242…), valid until 2034. */
export const goodCard = { number: TEST_CARD_DIGITS.succeeds, expMonth: 12, expYear: 2034, cvc: "123" };

/** A card as a client types it into `orders.place`. */
export const cardInput = (number: string = TEST_CARD_DIGITS.succeeds) => ({
  number,
  expiry: "12/34",
  cvc: "123",
});

/** A valid command for the fixture restaurant: 2 × Butter Chicken + 1 × Garlic Naan. */
export const placeCommand = (overrides: Partial<PlaceOrderCommand> = {}): PlaceOrderCommand => ({
  customerId: "customer-1",
  idempotencyKey: aUuid(),
  restaurantId: fixtureMenu.restaurantId,
  lines: [
    { itemId: fixtureMenu.butterChicken.id, quantity: 2 },
    { itemId: fixtureMenu.garlicNaan.id, quantity: 1 },
  ],
  customer: { name: "Asha Patel", phone: "+1 415 555 0134" },
  delivery: { address: "221 Valencia St, Apt 4, San Francisco", notes: "Ring twice" },
  payment: goodCard,
  ...overrides,
});

/**
 * What a client sends to `orders.place`: the command without the customer (it comes from the token),
 * the card as typed (number, MM/YY, security code).
 */
export const placeInput = (overrides: Partial<PlaceOrderCommand> = {}) => {
  const { customerId: _fromToken, payment, ...input } = placeCommand(overrides);
  return {
    ...input,
    payment: {
      number: payment.number,
      expiry: `${String(payment.expMonth).padStart(2, "0")}/${String(payment.expYear).slice(-2)}`,
      cvc: payment.cvc,
    },
  };
};

export const FIXED_NOW = new Date("2026-11-27T18:30:00.000Z");

/**
 * The orders service over fakes, with the fixture restaurant already in the replica. The fakes are
 * returned too, so a test can look at what was saved, sent and logged.
 */
export const ordersHarness = async (
  opts: { menus?: ReplicatedMenu[]; limits?: PlaceLimits; now?: () => Date } = {},
) => {
  const table = new InMemoryOrdersTable();
  const menus = new InMemoryMenuReplica();
  const sender = new RecordingFulfillmentSender();
  const log = new RecordingLog();
  const limiter = new InMemoryRateLimiter();
  const payments = new RecordingPaymentProvider();
  /** Pauses the service asked for while a twin request held its checkout key. */
  const pauses: number[] = [];
  for (const menu of opts.menus ?? [replicatedMenu()]) await menus.apply(menu);
  const svc = createOrdersService({
    orders: table.orders,
    outbox: table.outbox,
    menus,
    sender,
    now: opts.now ?? (() => FIXED_NOW),
    newId: uuidSequence(0xa1b2c3d4),
    log,
    limiter,
    payments,
    limits: opts.limits ?? DEFAULT_PLACE_LIMITS,
    sleep: async (ms) => {
      pauses.push(ms);
    },
  });
  /** What the request left behind: rows written and messages sent. */
  const effects = () => ({
    orders: table.allOrders().length,
    outboxEntries: table.allOutbox().length,
    sent: sender.sent.length,
  });
  return { svc, table, menus, sender, log, limiter, payments, pauses, effects };
};

export type OrdersHarness = Awaited<ReturnType<typeof ordersHarness>>;

/** The catalog v2 fixture (store state, hours, time zone, options), parsed by its schema, with changes. */
export const catalogPublishedV2 = (
  overrides: CatalogOverrides<RestaurantCatalogPublishedV2> = {},
): RestaurantCatalogPublishedV2 =>
  catalogWith(fixtureOf("restaurant.catalog-published.v2", RestaurantCatalogPublishedV2), overrides);

/** The ticket.* contract fixtures, parsed by their schemas, for another order if given. */

export const ticketAccepted = (overrides: Partial<TicketAcceptedV1> = {}): TicketAcceptedV1 => {
  const base = fixtureOf("ticket.accepted.v1", TicketAcceptedV1);
  const orderId = overrides.orderId ?? base.orderId;
  return { ...base, eventId: `ticket.accepted:${orderId}`, ...overrides, orderId };
};
export const ticketRejected = (overrides: Partial<TicketRejectedV1> = {}): TicketRejectedV1 => {
  const base = fixtureOf("ticket.rejected.v1", TicketRejectedV1);
  const orderId = overrides.orderId ?? base.orderId;
  return { ...base, eventId: `ticket.rejected:${orderId}`, ...overrides, orderId };
};
export const ticketReady = (overrides: Partial<TicketReadyV1> = {}): TicketReadyV1 => {
  const base = fixtureOf("ticket.ready.v1", TicketReadyV1);
  const orderId = overrides.orderId ?? base.orderId;
  return { ...base, eventId: `ticket.ready:${orderId}`, ...overrides, orderId };
};
export const ticketWithdrawn = (overrides: Partial<TicketWithdrawnV1> = {}): TicketWithdrawnV1 => {
  const base = fixtureOf("ticket.withdrawn.v1", TicketWithdrawnV1);
  const orderId = overrides.orderId ?? base.orderId;
  return { ...base, eventId: `ticket.withdrawn:${orderId}`, ...overrides, orderId };
};

/** A saved order as placing builds it (three naans at Bombay), for storage tests. */
export const anOrder = (id: string = randomUUID(), placedAt = "2026-11-30T18:00:00.000Z"): Order => ({
  id,
  customerId: "customer-1",
  shortCode: id.slice(0, 6).toUpperCase(),
  status: "placed",
  restaurantId: "bombay-tiffin-house",
  restaurantName: "Bombay Tiffin House",
  lines: [
    {
      itemId: "garlic-naan",
      name: "Garlic Naan",
      quantity: 3,
      unitPriceCents: 395,
      lineTotalCents: 1185,
      options: [],
    },
  ],
  subtotalCents: 1185,
  deliveryFeeCents: 299,
  serviceFeeCents: 59,
  totalCents: 1543,
  currency: "USD",
  customer: { name: "Asha", phone: "+1 415 555 0134" },
  delivery: { address: "221 Valencia St", notes: "" },
  placedAt,
  correlationId: "corr-1",
  timeline: [{ status: "placed", at: placedAt }],
});

/** The outbox entry placing saves beside an order. */
export const outboxEntryOf = (order: Order): OutboxEntry => {
  const event = orderPlacedEvent(order);
  return { id: event.eventId, orderId: order.id, event, createdAt: order.placedAt };
};
