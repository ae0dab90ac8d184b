import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type ContractName, OrderPlacedV1 } from "@tiffin/contracts";
import { demoRestaurants } from "../src/demo/catalog";
import { catalogEvent } from "../src/domain/catalog-event";
import { type KitchenTicket, ticketFromOrder } from "../src/domain/kitchen-ticket";
import type { CatalogOutboxEntry, PhotoStore } from "../src/domain/ports";
import type { MenuItem, Restaurant } from "../src/domain/restaurant";
import { createRestaurantsService } from "../src/domain/restaurants-service";
import { allDayEveryDay, OPEN_STORE, type StoreState } from "../src/domain/store";
import { InMemoryRestaurants, InMemoryTickets, RecordingCatalogPublisher, RecordingLog } from "./fakes";

/** A contract fixture exactly as a producer would put it on the wire. */
export const contractFixtureBody = (name: ContractName): string =>
  readFileSync(join(import.meta.dirname, "../../contracts/fixtures", `${name}.json`), "utf8");

/** The OrderPlaced contract fixture, parsed by its schema, with optional changes (another order id…). */
export const orderPlaced = (overrides: Partial<OrderPlacedV1> = {}): OrderPlacedV1 => {
  const base = OrderPlacedV1.parse(JSON.parse(contractFixtureBody("order.placed.v1")));
  const orderId = overrides.orderId ?? base.orderId;
  return { ...base, eventId: `order.placed:${orderId}`, ...overrides, orderId };
};

/** The demo restaurants (src/demo/catalog.ts) as stored after the first seed: revision 1. */
export const demoCatalog = (): Restaurant[] =>
  demoRestaurants.map((r) => ({ ...structuredClone(r), revision: 1 }));

/** One demo restaurant by id, at revision 1. */
export const demoRestaurant = (id: string): Restaurant => {
  const found = demoCatalog().find((r) => r.id === id);
  if (!found) throw new Error(`no demo restaurant ${id}`);
  return found;
};

export const menuItem = (overrides: Partial<MenuItem> = {}): MenuItem => ({
  id: "house-dish",
  name: "House Dish",
  description: "What the kitchen is proud of today.",
  priceCents: 1200,
  dietary: [],
  available: true,
  optionGroups: [],
  ...overrides,
});

/** A small, open restaurant with one category of `items`; override anything else. */
export const restaurant = (overrides: Partial<Restaurant> & { items?: MenuItem[] } = {}): Restaurant => {
  const { items = [menuItem()], ...rest } = overrides;
  const id = rest.id ?? "test-kitchen";
  return {
    id,
    slug: id,
    name: "Test Kitchen",
    cuisine: "Fusion",
    description: "A restaurant made for tests.",
    address: "1 Test St, San Francisco",
    location: { lat: 37.77, lng: -122.42 },
    timeZone: "America/Los_Angeles",
    hours: "Open 24 hours, every day",
    openingHours: allDayEveryDay(),
    store: OPEN_STORE,
    deliveryFeeCents: 199,
    minimumOrderCents: 1000,
    etaMinutes: { min: 20, max: 30 },
    rating: 4.5,
    ratingCount: 10,
    priceLevel: 2,
    emoji: "🍽️",
    accent: "#000000",
    menu: [{ id: "mains", name: "Mains", items }],
    revision: 1,
    ...rest,
  };
};

export const FIXED_NOW = new Date("2026-11-27T18:31:00.000Z");

/** Where a demo restaurant's tickets take their days from, and the default answer window. */
export const SF_KITCHEN = { timeZone: "America/Los_Angeles", answerMinutes: 10 } as const;

/** A kitchen ticket from the OrderPlaced fixture (received at FIXED_NOW unless said), with changes. */
export const kitchenTicket = (
  order: Partial<OrderPlacedV1> = {},
  overrides: Partial<KitchenTicket> = {},
  receivedAt = FIXED_NOW,
): KitchenTicket => ({ ...ticketFromOrder(orderPlaced(order), receivedAt, SF_KITCHEN), ...overrides });

/** A store paused until staff resume it, with what customers are told. */
export const pausedStore = (message = "Back soon"): StoreState => ({
  state: "paused",
  pausedUntil: null,
  busyExtraMinutes: 0,
  message,
});

/** The outbox entry that announces `r`'s catalog, as saveRestaurant writes it. */
export const catalogEntry = (
  r: Restaurant,
  correlationId = "corr-test",
  at = FIXED_NOW,
): CatalogOutboxEntry => {
  const event = catalogEvent(r, { occurredAt: at, correlationId });
  return { id: event.eventId, restaurantId: r.id, event, createdAt: event.occurredAt };
};

/**
 * The restaurants service over fakes, with `restaurants` already stored (the demo catalog unless
 * given). The fakes are returned too, so a test can look at what was saved, ticketed and published.
 */
export const restaurantsHarness = async (
  opts: {
    restaurants?: Restaurant[];
    now?: () => Date;
    photos?: PhotoStore;
    newId?: () => string;
    answerMinutes?: number;
  } = {},
) => {
  const restaurants = new InMemoryRestaurants();
  // Ticket steps and catalog changes share one outbox, as they share one table.
  const tickets = new InMemoryTickets(restaurants.outbox);
  const publisher = new RecordingCatalogPublisher();
  const log = new RecordingLog();
  for (const r of opts.restaurants ?? demoCatalog()) restaurants.seed(r);
  const svc = createRestaurantsService({
    restaurants,
    tickets,
    publisher,
    outbox: restaurants.outbox,
    now: opts.now ?? (() => FIXED_NOW),
    log,
    photos: opts.photos,
    newId: opts.newId,
    answerMinutes: opts.answerMinutes,
  });
  /** What happened since setup: restaurant writes, tickets, catalog events. */
  const effects = () => ({
    saves: restaurants.saves,
    tickets: tickets.all().length,
    published: publisher.published.length,
  });
  return { svc, restaurants, tickets, publisher, outbox: restaurants.outbox, log, effects };
};
