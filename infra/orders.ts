import { defineService } from "./service";

/** Orders and their outbox relay; consumes its inbox of domain events. */
export const orders = defineService("orders");
