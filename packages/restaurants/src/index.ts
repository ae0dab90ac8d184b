/** Public surface of the restaurants service: its router's TYPE (for the web app's client), nothing else. */

export type { KitchenTicket } from "./domain/kitchen-ticket";
export type { DietaryTag, MenuCategory, MenuItem, Restaurant, RestaurantSummary } from "./domain/restaurant";
export type { RestaurantsRouter } from "./router";
