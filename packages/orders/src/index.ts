/** Public surface of the orders service: its router's TYPE (for the web app's client), nothing else. */

export type { Order, OrderLine, OrderStatus, Quote } from "./domain/order";
export type { OrdersRouter } from "./router";
