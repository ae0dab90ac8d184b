import { defineService } from "./service";

/** Restaurants, menus, store state and kitchen tickets; consumes the fulfillment queue. */
export const restaurants = defineService("restaurants");
