/** Public surface of the restaurants service: its router's TYPE (for the web app's client), nothing else. */

export type { KitchenTicket, TicketLane, TicketStatus } from "./domain/kitchen-ticket";
// Clients read restaurants with whether they take orders now (`isOpen`, `availability`).
export type {
  DietaryTag,
  MenuCategory,
  MenuItem,
  RestaurantSummary,
  RestaurantView as Restaurant,
} from "./domain/restaurant";
export type { SalesReport } from "./domain/sales";
export type { StoreSettings } from "./domain/store-settings";
export type { RestaurantsRouter } from "./router";
