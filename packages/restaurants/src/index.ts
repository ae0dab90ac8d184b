/** Public surface of the restaurants service: its router's TYPE (for the web app's client), nothing else. */

export type { KitchenTicket, TicketLane, TicketStatus } from "./domain/kitchen-ticket";
export type { MenuOption, OptionGroup, Photo } from "./domain/menu";
export type { ItemDraft, MenuEditorView, PhotoUpload } from "./domain/menu-editor";
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
