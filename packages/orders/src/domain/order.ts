export type OrderStatus = "placed";

export interface OrderLine {
  itemId: string;
  name: string;
  quantity: number;
  unitPriceCents: number;
  lineTotalCents: number;
}

/** Prices computed by the server from orders' own menu replica; a client never sends a price. */
export interface Quote {
  restaurantId: string;
  restaurantName: string;
  lines: OrderLine[];
  subtotalCents: number;
  deliveryFeeCents: number;
  serviceFeeCents: number;
  totalCents: number;
  currency: "USD";
}

export interface Order extends Quote {
  id: string;
  /** The customer account that placed it: only they can see it. */
  customerId: string;
  /** Six characters staff and customer can read to each other over the phone. */
  shortCode: string;
  status: OrderStatus;
  customer: { name: string; phone: string };
  delivery: { address: string; notes: string };
  placedAt: string;
  correlationId: string;
  timeline: { status: OrderStatus; at: string }[];
}

export const shortCodeOf = (orderId: string): string => orderId.replace(/-/g, "").slice(0, 6).toUpperCase();
